package io.opencases.domain.field;

import io.opencases.domain.Require;

/** One choice of a SingleSelect field. Options are never removed, only deactivated, so old cases keep their value. */
public record FieldOption(String name, String value, boolean active) {
    public FieldOption {
        Require.nonBlank(name, "name");
        Require.nonBlank(value, "value");
    }
}
