package io.opencases.domain.template;

public enum TemplateStatus {
    Active, Inactive
}
