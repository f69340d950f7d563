package io.opencases.domain.relateditem;

import io.opencases.domain.Require;
import io.opencases.domain.field.FieldValue;

/** One field value of a Custom related item. */
public record CustomValue(String fieldId, FieldValue value) {
    public CustomValue {
        Require.nonNull(fieldId, "fieldId");
        Require.nonNull(value, "value");
    }
}
