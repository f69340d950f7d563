package io.opencases.domain.cases;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.rule.CaseRuleDetails;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a template's case rules say about a case's values, for the agent UI: which fields are hidden, which need a
 * value, and which option values each child field may take. Evaluated exactly as {@link CaseRulePolicy} enforces
 * them on writes, so the form and the server never disagree.
 *
 * @param allowedOptions child field id to the values its FieldOptions rule allows for the parent's current value;
 *                       a field without an entry may take any of its options
 */
public record CaseRuleOutcome(Set<String> hidden, Set<String> required, Map<String, List<String>> allowedOptions) {

    public static CaseRuleOutcome evaluate(Map<String, FieldValue> values, List<CaseRulePolicy.AppliedRule> rules) {
        var hidden = new TreeSet<String>();
        var required = new TreeSet<String>();
        var allowed = new LinkedHashMap<String, List<String>>();
        for (var rule : rules) {
            if (rule.details() instanceof CaseRuleDetails.Required r && rule.fieldId() != null) {
                if (CaseRulePolicy.evaluate(values, r.conditions()).orElse(r.defaultValue())) {
                    required.add(rule.fieldId());
                }
            } else if (rule.details() instanceof CaseRuleDetails.Hidden h && rule.fieldId() != null) {
                if (CaseRulePolicy.evaluate(values, h.conditions()).orElse(h.defaultValue())) {
                    hidden.add(rule.fieldId());
                }
            } else if (rule.details() instanceof CaseRuleDetails.FieldOptions options
                    && values.get(options.parentFieldId()) instanceof FieldValue.StringValue parent) {
                options.mappings().stream()
                        .filter(m -> m.parentFieldOptionValue().equals(parent.value())).findFirst()
                        .ifPresent(m -> allowed.put(options.childFieldId(), m.childFieldOptionValues()));
            }
        }
        return new CaseRuleOutcome(Set.copyOf(hidden), Set.copyOf(required), Map.copyOf(allowed));
    }

    /** Whether {@code value} is an allowed option of {@code fieldId} under these rules. */
    public boolean allows(String fieldId, String value) {
        var allowedValues = allowedOptions.get(fieldId);
        return allowedValues == null || allowedValues.contains(value);
    }
}
