package io.opencases.domain.cases;

import io.opencases.domain.DomainException;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.rule.BooleanCondition;
import io.opencases.domain.rule.CaseRuleDetails;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enforces a template's case rules on a case's values, which AWS leaves to its agent UI: a Required rule makes its
 * field need a value, a FieldOptions rule limits the child field to the values mapped to the parent's value.
 * Hidden rules only describe the UI and constrain nothing.
 */
public final class CaseRulePolicy {

    /** A rule as a template applies it, with the field it targets (null for FieldOptions rules). */
    public record AppliedRule(String caseRuleId, String fieldId, CaseRuleDetails details) {
    }

    private CaseRulePolicy() {
    }

    public static void check(Map<String, FieldValue> values, List<AppliedRule> rules) {
        for (AppliedRule rule : rules) {
            if (rule.details() instanceof CaseRuleDetails.Required required && rule.fieldId() != null) {
                boolean isRequired = evaluate(values, required.conditions()).orElse(required.defaultValue());
                if (isRequired && !values.containsKey(rule.fieldId())) {
                    throw DomainException.invalid("fields: %s needs a value (case rule %s).", rule.fieldId(),
                            rule.caseRuleId());
                }
            } else if (rule.details() instanceof CaseRuleDetails.FieldOptions options) {
                checkOptions(values, rule.caseRuleId(), options);
            }
        }
    }

    /** The result of the first condition that holds, or empty when none holds (the rule's default applies). */
    static Optional<Boolean> evaluate(Map<String, FieldValue> values, List<BooleanCondition> conditions) {
        for (BooleanCondition condition : conditions) {
            Optional<Boolean> result = result(values, condition);
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }

    /**
     * A comparison holds when its operands compare as it says and then yields its {@code result}. Combinations have
     * no result of their own: andAll holds when all members hold and yields the last member's result; orAll yields
     * the result of its first member that holds.
     */
    private static Optional<Boolean> result(Map<String, FieldValue> values, BooleanCondition condition) {
        if (condition instanceof BooleanCondition.Comparison comparison) {
            var operands = comparison.operands();
            boolean same = CaseFieldPolicy.sameValue(values.get(operands.fieldId()), operands.value());
            boolean holds = condition instanceof BooleanCondition.EqualTo == same;
            return holds ? Optional.of(operands.result()) : Optional.empty();
        }
        if (condition instanceof BooleanCondition.OrAll or) {
            return evaluate(values, or.conditions());
        }
        Optional<Boolean> last = Optional.empty();
        for (BooleanCondition member : ((BooleanCondition.AndAll) condition).conditions()) {
            last = result(values, member);
            if (last.isEmpty()) {
                return Optional.empty();
            }
        }
        return last;
    }

    private static void checkOptions(Map<String, FieldValue> values, String ruleId,
                                     CaseRuleDetails.FieldOptions options) {
        FieldValue parent = values.get(options.parentFieldId());
        FieldValue child = values.get(options.childFieldId());
        if (!(parent instanceof FieldValue.StringValue p) || !(child instanceof FieldValue.StringValue c)) {
            return;
        }
        options.mappings().stream().filter(m -> m.parentFieldOptionValue().equals(p.value())).findFirst()
                .filter(m -> !m.childFieldOptionValues().contains(c.value()))
                .ifPresent(m -> {
                    throw DomainException.invalid("fields: '%s' is not allowed for %s when %s is '%s' (case rule "
                            + "%s).", c.value(), options.childFieldId(), options.parentFieldId(), p.value(), ruleId);
                });
    }
}
