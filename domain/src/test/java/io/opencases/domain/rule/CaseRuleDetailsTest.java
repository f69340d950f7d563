package io.opencases.domain.rule;

import io.opencases.domain.DomainException;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.rule.BooleanCondition.AndAll;
import io.opencases.domain.rule.BooleanCondition.EqualTo;
import io.opencases.domain.rule.BooleanCondition.NotEqualTo;
import io.opencases.domain.rule.BooleanCondition.Operands;
import io.opencases.domain.rule.BooleanCondition.OrAll;
import io.opencases.domain.rule.CaseRuleDetails.OptionMapping;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin guide's limits on case rules: five conditions a list, two levels of nesting, sane option mappings. */
class CaseRuleDetailsTest {

    private static BooleanCondition equalTo(String fieldId) {
        return new EqualTo(new Operands(fieldId, new FieldValue.StringValue("x"), true));
    }

    private static List<BooleanCondition> conditions(int count) {
        return Collections.nCopies(count, equalTo("summary"));
    }

    @Test
    void fiveConditionsAreAllowed() {
        assertThat(new CaseRuleDetails.Required(false, conditions(5)).conditions()).hasSize(5);
        assertThat(new CaseRuleDetails.Hidden(true, conditions(5)).conditions()).hasSize(5);
    }

    @Test
    void moreThanFiveConditionsAreRejected() {
        assertThatThrownBy(() -> new CaseRuleDetails.Required(false, conditions(6)))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("at most 5");
        assertThatThrownBy(() -> new CaseRuleDetails.Hidden(false, conditions(6)))
                .isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void moreThanFiveConditionsInsideACombinationAreRejected() {
        assertThatThrownBy(() -> new CaseRuleDetails.Required(false, List.of(new OrAll(conditions(6)))))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("orAll");
    }

    @Test
    void nestingTwoLevelsDeepIsAllowed() {
        var details = new CaseRuleDetails.Hidden(false, List.of(new AndAll(List.of(equalTo("summary"),
                new NotEqualTo(new Operands("status", FieldValue.EMPTY, false))))));

        assertThat(details.conditions().get(0).depth()).isEqualTo(2);
        assertThat(details.fieldIds()).containsExactly("summary", "status");
        assertThat(details.type()).isEqualTo(RuleType.Hidden);
    }

    @Test
    void nestingDeeperThanTwoLevelsIsRejected() {
        var tooDeep = new AndAll(List.of(new OrAll(List.of(equalTo("summary")))));

        assertThat(tooDeep.depth()).isEqualTo(3);
        assertThatThrownBy(() -> new CaseRuleDetails.Required(false, List.of(tooDeep)))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("2 levels");
    }

    @Test
    void fieldOptionsNeedBothParentAndChild() {
        assertThatThrownBy(() -> new CaseRuleDetails.FieldOptions(null, "child", List.of()))
                .isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> new CaseRuleDetails.FieldOptions("parent", null, List.of()))
                .isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void fieldOptionsParentAndChildMustDiffer() {
        assertThatThrownBy(() -> new CaseRuleDetails.FieldOptions("case_reason", "case_reason", List.of()))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("differ");
    }

    @Test
    void fieldOptionsMapEachParentValueOnlyOnce() {
        var mappings = List.of(new OptionMapping("billing", List.of("refund")),
                new OptionMapping("billing", List.of("invoice")));

        assertThatThrownBy(() -> new CaseRuleDetails.FieldOptions("case_reason", "sub_reason", mappings))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("only once");
    }

    @Test
    void validFieldOptionsNameBothFields() {
        var details = new CaseRuleDetails.FieldOptions("case_reason", "sub_reason", List.of(
                new OptionMapping("billing", List.of("refund", "invoice")), new OptionMapping("other", null)));

        assertThat(details.type()).isEqualTo(RuleType.FieldOptions);
        assertThat(details.fieldIds()).containsExactly("case_reason", "sub_reason");
        assertThat(details.mappings().get(1).childFieldOptionValues()).isEmpty();
    }
}
