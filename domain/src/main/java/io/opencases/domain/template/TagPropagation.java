package io.opencases.domain.template;

import io.opencases.domain.Require;

import java.util.Map;

/** Tags a template stamps on every resource of {@code resourceType} ("Cases") created from it. */
public record TagPropagation(String resourceType, Map<String, String> tagMap) {
    public TagPropagation {
        Require.nonNull(resourceType, "resourceType");
        tagMap = Require.copy(tagMap);
    }
}
