package io.opencases.domain.cases;

import io.opencases.domain.Require;
import io.opencases.domain.field.FieldValue;

import java.time.Instant;
import java.util.Map;

/**
 * A case: the template it was created from and its field values, System fields included (case_id, status,
 * created_datetime, …). A field without a value is simply absent from {@code values}.
 */
public record Case(String domainId, String caseId, String templateId, Map<String, FieldValue> values,
                   Instant createdTime) {
    public Case {
        Require.nonNull(domainId, "domainId");
        Require.nonNull(caseId, "caseId");
        Require.nonNull(templateId, "templateId");
        Require.nonNull(createdTime, "createdTime");
        values = Map.copyOf(values);
        if (values.values().stream().anyMatch(v -> v instanceof FieldValue.Empty)) {
            throw new IllegalArgumentException("empty values are stored as absent");
        }
    }

    public Case withValues(Map<String, FieldValue> newValues) {
        return new Case(domainId, caseId, templateId, newValues, createdTime);
    }
}
