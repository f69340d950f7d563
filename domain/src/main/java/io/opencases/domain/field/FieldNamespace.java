package io.opencases.domain.field;

public enum FieldNamespace {
    System, Custom
}
