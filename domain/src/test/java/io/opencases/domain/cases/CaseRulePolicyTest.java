package io.opencases.domain.cases;

import io.opencases.domain.DomainException;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.rule.BooleanCondition;
import io.opencases.domain.rule.CaseRuleDetails;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Required and FieldOptions rules applied to a case's values; first true condition wins. */
class CaseRulePolicyTest {
    private static final FieldValue CLOSED = new FieldValue.StringValue("closed");

    private static BooleanCondition equalTo(String fieldId, FieldValue value, boolean result) {
        return new BooleanCondition.EqualTo(new BooleanCondition.Operands(fieldId, value, result));
    }

    private static BooleanCondition notEqualTo(String fieldId, FieldValue value, boolean result) {
        return new BooleanCondition.NotEqualTo(new BooleanCondition.Operands(fieldId, value, result));
    }

    private static Map<String, FieldValue> values(Object... pairs) {
        var map = new java.util.HashMap<String, FieldValue>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (FieldValue) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void firstTrueConditionGivesTheResultElseTheDefault() {
        var conditions = List.of(equalTo("status", CLOSED, true), notEqualTo("status", CLOSED, false));

        assertThat(CaseRulePolicy.evaluate(values("status", CLOSED), conditions)).contains(true);
        assertThat(CaseRulePolicy.evaluate(values("status", new FieldValue.StringValue("open")), conditions))
                .contains(false);
        assertThat(CaseRulePolicy.evaluate(values(), List.of(equalTo("status", CLOSED, true)))).isEmpty();
    }

    @Test
    void emptyValueOperandMatchesAnAbsentValue() {
        assertThat(CaseRulePolicy.evaluate(values(), List.of(equalTo("summary", FieldValue.EMPTY, true))))
                .contains(true);
        assertThat(CaseRulePolicy.evaluate(values("summary", new FieldValue.StringValue("x")),
                List.of(equalTo("summary", FieldValue.EMPTY, true)))).isEmpty();
    }

    @Test
    void combinations() {
        var and = new BooleanCondition.AndAll(List.of(equalTo("status", CLOSED, true),
                equalTo("urgent", new FieldValue.BooleanValue(true), true)));
        var or = new BooleanCondition.OrAll(List.of(equalTo("status", CLOSED, true),
                equalTo("amount", new FieldValue.DoubleValue(5), true)));

        assertThat(CaseRulePolicy.evaluate(values("status", CLOSED), List.of(and))).isEmpty();
        assertThat(CaseRulePolicy.evaluate(values("status", CLOSED, "urgent", new FieldValue.BooleanValue(true)),
                List.of(and))).contains(true);
        assertThat(CaseRulePolicy.evaluate(values("amount", new FieldValue.DoubleValue(5)), List.of(or)))
                .contains(true);
    }

    @Test
    void requiredRuleDemandsAValue() {
        var rule = new CaseRulePolicy.AppliedRule("r1", "summary",
                new CaseRuleDetails.Required(false, List.of(equalTo("status", CLOSED, true))));

        assertThatThrownBy(() -> CaseRulePolicy.check(values("status", CLOSED), List.of(rule)))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("summary").hasMessageContaining("r1");
        assertThatCode(() -> CaseRulePolicy.check(values("status", CLOSED, "summary",
                new FieldValue.StringValue("done")), List.of(rule))).doesNotThrowAnyException();
        assertThatCode(() -> CaseRulePolicy.check(values(), List.of(rule))).doesNotThrowAnyException();
    }

    @Test
    void fieldOptionsRuleLimitsTheChild() {
        var rule = new CaseRulePolicy.AppliedRule("r2", null, new CaseRuleDetails.FieldOptions("category", "item",
                List.of(new CaseRuleDetails.OptionMapping("hardware", List.of("laptop")))));

        assertThatThrownBy(() -> CaseRulePolicy.check(values("category", new FieldValue.StringValue("hardware"),
                "item", new FieldValue.StringValue("license")), List.of(rule)))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("license");
        assertThatCode(() -> CaseRulePolicy.check(values("category", new FieldValue.StringValue("hardware"),
                "item", new FieldValue.StringValue("laptop")), List.of(rule))).doesNotThrowAnyException();
        assertThatCode(() -> CaseRulePolicy.check(values("category", new FieldValue.StringValue("software"),
                "item", new FieldValue.StringValue("license")), List.of(rule))).doesNotThrowAnyException();
    }

    @Test
    void hiddenRulesConstrainNothing() {
        var rule = new CaseRulePolicy.AppliedRule("r3", "summary", new CaseRuleDetails.Hidden(true, List.of()));
        assertThatCode(() -> CaseRulePolicy.check(values(), List.of(rule))).doesNotThrowAnyException();
    }
}
