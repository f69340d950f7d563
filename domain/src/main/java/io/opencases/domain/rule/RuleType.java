package io.opencases.domain.rule;

public enum RuleType {
    Required, Hidden, FieldOptions
}
