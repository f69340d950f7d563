package io.opencases.bootstrap.conformance;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.BooleanCondition;
import software.amazon.awssdk.services.connectcases.model.BooleanOperands;
import software.amazon.awssdk.services.connectcases.model.CaseRuleDetails;
import software.amazon.awssdk.services.connectcases.model.CaseRuleSummary;
import software.amazon.awssdk.services.connectcases.model.ConflictException;
import software.amazon.awssdk.services.connectcases.model.EmptyOperandValue;
import software.amazon.awssdk.services.connectcases.model.OperandTwo;
import software.amazon.awssdk.services.connectcases.model.RuleType;
import software.amazon.awssdk.services.connectcases.model.ValidationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CreateCaseRule, BatchGetCaseRule, ListCaseRules, UpdateCaseRule, DeleteCaseRule. */
class CaseRuleOperationsConformanceTest extends ConformanceSuite {

    private static BooleanCondition equalTo(String fieldId, OperandTwo value, boolean result) {
        return BooleanCondition.builder().equalTo(operands(fieldId, value, result)).build();
    }

    private static BooleanOperands operands(String fieldId, OperandTwo value, boolean result) {
        return BooleanOperands.builder().operandOne(o -> o.fieldId(fieldId)).operandTwo(value).result(result).build();
    }

    private static CaseRuleDetails required(boolean defaultValue, List<BooleanCondition> conditions) {
        return CaseRuleDetails.builder().required(r -> r.defaultValue(defaultValue).conditions(conditions)).build();
    }

    @Test
    void requiredAndHiddenRulesRoundTripWithEveryOperandKind() {
        String domainId = newDomain();
        String amount = cases.createField(b -> b.domainId(domainId).name("amount").type("Number")).fieldId();
        String vip = cases.createField(b -> b.domainId(domainId).name("vip").type("Boolean")).fieldId();
        List<BooleanCondition> conditions = List.of(
                equalTo("status", OperandTwo.builder().stringValue("closed").build(), true),
                equalTo(amount, OperandTwo.builder().doubleValue(100.5).build(), true),
                BooleanCondition.builder().notEqualTo(operands(vip, OperandTwo.builder().booleanValue(true).build(),
                        false)).build(),
                equalTo("summary", OperandTwo.builder().emptyValue(EmptyOperandValue.builder().build()).build(),
                        false));
        var created = cases.createCaseRule(b -> b.domainId(domainId).name("needs-summary").description("d")
                .rule(required(false, conditions)));
        String hiddenId = cases.createCaseRule(b -> b.domainId(domainId).name("hide")
                .rule(r -> r.hidden(h -> h.defaultValue(true).conditions(conditions.get(0))))).caseRuleId();
        assertThat(created.caseRuleArn()).isEqualTo(domainArn(domainId) + "/case-rule/" + created.caseRuleId());

        var batch = cases.batchGetCaseRule(b -> b.domainId(domainId)
                .caseRules(r -> r.id(created.caseRuleId()), r -> r.id(hiddenId), r -> r.id("nope")));

        assertThat(batch.caseRules()).hasSize(2);
        var rule = batch.caseRules().get(0);
        assertThat(rule.name()).isEqualTo("needs-summary");
        assertThat(rule.description()).isEqualTo("d");
        assertThat(rule.rule().required().conditions()).isEqualTo(conditions);
        assertThat(rule.rule().required().defaultValue()).isFalse();
        assertThat(batch.caseRules().get(1).rule().hidden().defaultValue()).isTrue();
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo("nope"));
    }

    @Test
    void fieldOptionsRulesNeedSingleSelectFields() {
        String domainId = newDomain();
        String parent = selectField(domainId, "category");
        String child = selectField(domainId, "subcategory");
        String text = textField(domainId, "free");

        String ruleId = cases.createCaseRule(b -> b.domainId(domainId).name("cascade").rule(r -> r.fieldOptions(f -> f
                .parentFieldId(parent).childFieldId(child).parentChildFieldOptionsMappings(
                        m -> m.parentFieldOptionValue("hardware").childFieldOptionValues("laptop", "phone"))))).caseRuleId();

        var rule = cases.batchGetCaseRule(b -> b.domainId(domainId).caseRules(r -> r.id(ruleId))).caseRules().get(0);
        assertThat(rule.rule().fieldOptions().parentChildFieldOptionsMappings().get(0).childFieldOptionValues())
                .containsExactly("laptop", "phone");
        assertThatThrownBy(() -> cases.createCaseRule(b -> b.domainId(domainId).name("bad").rule(r -> r.fieldOptions(f -> f
                .parentFieldId(parent).childFieldId(text).parentChildFieldOptionsMappings(
                        m -> m.parentFieldOptionValue("x").childFieldOptionValues("y"))))))
                .isInstanceOf(ValidationException.class).hasMessageContaining(text);
    }

    @Test
    void ruleLimitsAndReferencesAreValidated() {
        String domainId = newDomain();
        var six = Collections.nCopies(6, equalTo("status", OperandTwo.builder().stringValue("open").build(), true));
        assertThatThrownBy(() -> cases.createCaseRule(b -> b.domainId(domainId).name("many")
                .rule(required(false, six))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 5");
        assertThatThrownBy(() -> cases.createCaseRule(b -> b.domainId(domainId).name("ghost")
                .rule(required(false, List.of(equalTo("ghost", OperandTwo.builder().stringValue("x").build(),
                        true))))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ghost");
    }

    @Test
    void listUpdateAndConflicts() {
        String domainId = newDomain();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            String name = "rule-" + i;
            ids.add(cases.createCaseRule(b -> b.domainId(domainId).name(name).rule(required(true, List.of())))
                    .caseRuleId());
        }
        assertThatThrownBy(() -> cases.createCaseRule(b -> b.domainId(domainId).name("rule-0")
                .rule(required(true, List.of()))))
                .isInstanceOf(ConflictException.class);

        cases.updateCaseRule(b -> b.domainId(domainId).caseRuleId(ids.get(0)).name("renamed")
                .rule(r -> r.hidden(h -> h.defaultValue(false).conditions(List.of()))));

        var page1 = cases.listCaseRules(b -> b.domainId(domainId).maxResults(2));
        var page2 = cases.listCaseRules(b -> b.domainId(domainId).maxResults(2).nextToken(page1.nextToken()));
        var all = new ArrayList<>(page1.caseRules());
        all.addAll(page2.caseRules());
        assertThat(page2.nextToken()).isNull();
        assertThat(all).extracting(CaseRuleSummary::name).containsExactlyInAnyOrder("renamed", "rule-1", "rule-2");
        assertThat(all).filteredOn(r -> r.name().equals("renamed")).extracting(CaseRuleSummary::ruleType)
                .containsExactly(RuleType.HIDDEN);
    }

    @Test
    void deleteIsRefusedWhileALiveTemplateUsesTheRule() {
        String domainId = newDomain();
        String ruleId = cases.createCaseRule(b -> b.domainId(domainId).name("r").rule(required(true, List.of())))
                .caseRuleId();
        String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")
                .rules(r -> r.caseRuleId(ruleId).fieldId("summary"))).templateId();

        assertThatThrownBy(() -> cases.deleteCaseRule(b -> b.domainId(domainId).caseRuleId(ruleId)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains(templateId));

        cases.deleteTemplate(b -> b.domainId(domainId).templateId(templateId));
        cases.deleteCaseRule(b -> b.domainId(domainId).caseRuleId(ruleId));

        var rule = cases.batchGetCaseRule(b -> b.domainId(domainId).caseRules(r -> r.id(ruleId))).caseRules().get(0);
        assertThat(rule.deleted()).isTrue();
        assertThat(cases.listCaseRules(b -> b.domainId(domainId)).caseRules()).isEmpty();
        assertThatThrownBy(() -> cases.updateCaseRule(b -> b.domainId(domainId).caseRuleId(ruleId).name("x")))
                .isInstanceOf(ValidationException.class);
    }
}
