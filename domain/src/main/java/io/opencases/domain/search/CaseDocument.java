package io.opencases.domain.search;

import io.opencases.domain.Require;
import io.opencases.domain.field.FieldValue;

import java.util.Map;

/** What search sees of a case: its values (System fields included) and its tags. */
public record CaseDocument(String domainId, String caseId, String templateId, Map<String, FieldValue> values,
                           Map<String, String> tags) {
    public CaseDocument {
        Require.nonNull(domainId, "domainId");
        Require.nonNull(caseId, "caseId");
        Require.nonNull(templateId, "templateId");
        values = Map.copyOf(values);
        tags = Map.copyOf(tags);
    }
}
