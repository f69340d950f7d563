package io.opencases.domain.template;

import io.opencases.domain.Require;

/** A case rule applied by a template, to {@code fieldId} for Required and Hidden rules (null for FieldOptions). */
public record TemplateRule(String caseRuleId, String fieldId) {
    public TemplateRule {
        Require.nonNull(caseRuleId, "caseRuleId");
    }
}
