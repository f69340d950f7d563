package io.opencases.domain.cases;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.rule.BooleanCondition;
import io.opencases.domain.rule.BooleanCondition.Operands;
import io.opencases.domain.rule.CaseRuleDetails;
import io.opencases.domain.rule.CaseRuleDetails.OptionMapping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CaseRuleOutcomeTest {
    private static final FieldValue BILLING = new FieldValue.StringValue("billing");

    private static final List<CaseRulePolicy.AppliedRule> RULES = List.of(
            new CaseRulePolicy.AppliedRule("required", "summary", new CaseRuleDetails.Required(false, List.of(
                    new BooleanCondition.EqualTo(new Operands("case_reason", BILLING, true))))),
            new CaseRulePolicy.AppliedRule("hidden", "refund", new CaseRuleDetails.Hidden(true, List.of(
                    new BooleanCondition.EqualTo(new Operands("case_reason", BILLING, false))))),
            new CaseRulePolicy.AppliedRule("options", null, new CaseRuleDetails.FieldOptions("case_reason",
                    "sub_reason", List.of(new OptionMapping("billing", List.of("invoice", "refund"))))));

    @Test
    void defaultsApplyWhenNoConditionHolds() {
        var outcome = CaseRuleOutcome.evaluate(Map.of(), RULES);

        assertThat(outcome.required()).isEmpty();
        assertThat(outcome.hidden()).containsExactly("refund");
        assertThat(outcome.allowedOptions()).isEmpty();
        assertThat(outcome.allows("sub_reason", "anything")).isTrue();
    }

    @Test
    void aHoldingConditionGivesItsResultAndTheParentNarrowsTheChild() {
        var outcome = CaseRuleOutcome.evaluate(Map.of("case_reason", BILLING), RULES);

        assertThat(outcome.required()).containsExactly("summary");
        assertThat(outcome.hidden()).isEmpty();
        assertThat(outcome.allowedOptions()).containsEntry("sub_reason", List.of("invoice", "refund"));
        assertThat(outcome.allows("sub_reason", "refund")).isTrue();
        assertThat(outcome.allows("sub_reason", "other")).isFalse();
    }

    @Test
    void requiredAgreesWithThePolicyThatEnforcesIt() {
        var values = Map.<String, FieldValue>of("case_reason", BILLING);
        var outcome = CaseRuleOutcome.evaluate(values, RULES);

        assertThat(outcome.required()).containsExactly("summary");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CaseRulePolicy.check(values, RULES))
                .hasMessageContaining("summary");
    }
}
