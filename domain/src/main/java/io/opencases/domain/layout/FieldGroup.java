package io.opencases.domain.layout;

import io.opencases.domain.Require;

import java.util.List;

/** A named group of fields shown together in a layout panel; {@code name} may be null. */
public record FieldGroup(String name, List<String> fieldIds) {
    public FieldGroup {
        fieldIds = Require.copy(fieldIds);
    }
}
