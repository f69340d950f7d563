package io.opencases.domain.field;

public enum FieldType {
    Text, Number, Boolean, DateTime, SingleSelect, Url, User
}
