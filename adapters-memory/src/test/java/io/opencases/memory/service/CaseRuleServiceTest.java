package io.opencases.memory.service;

import io.opencases.application.PageRequest;
import io.opencases.application.Quotas;
import io.opencases.application.field.FieldCommands.DeleteField;
import io.opencases.application.rule.CaseRuleCommands.BatchGetCaseRule;
import io.opencases.application.rule.CaseRuleCommands.CaseRuleError;
import io.opencases.application.rule.CaseRuleCommands.CreateCaseRule;
import io.opencases.application.rule.CaseRuleCommands.DeleteCaseRule;
import io.opencases.application.rule.CaseRuleCommands.ListCaseRules;
import io.opencases.application.rule.CaseRuleCommands.UpdateCaseRule;
import io.opencases.application.template.TemplateCommands.CreateTemplate;
import io.opencases.application.template.TemplateCommands.DeleteTemplate;
import io.opencases.application.template.TemplateCommands.UpdateTemplate;
import io.opencases.domain.DomainException;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import io.opencases.domain.rule.BooleanCondition;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.rule.CaseRuleDetails;
import io.opencases.domain.rule.CaseRuleDetails.OptionMapping;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateRule;
import io.opencases.domain.template.TemplateStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.opencases.memory.service.MemoryServices.ALICE;
import static io.opencases.memory.service.MemoryServices.ALL;
import static io.opencases.memory.service.MemoryServices.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Case rules, their field checks and the templates that pin them, over the memory adapters. */
class CaseRuleServiceTest {
    private final MemoryServices app = new MemoryServices();
    private final String domainId = app.newDomain(ALICE, "Support");

    private static CaseRuleDetails requiredWhenClosed(String fieldId) {
        return new CaseRuleDetails.Required(false, List.of(new BooleanCondition.EqualTo(
                new BooleanCondition.Operands(fieldId, new FieldValue.StringValue("closed"), true))));
    }

    private String create(String name, CaseRuleDetails details) {
        return app.caseRuleService.createCaseRule(new CreateCaseRule(ALICE, domainId, name, null, details))
                .caseRuleId();
    }

    private CaseRule get(String caseRuleId) {
        return app.caseRuleService.batchGetCaseRule(new BatchGetCaseRule(ALICE, domainId, List.of(caseRuleId)))
                .caseRules().get(0).resource();
    }

    private String templateUsing(String name, String caseRuleId, TemplateStatus status) {
        return app.templateService.createTemplate(new CreateTemplate(ALICE, domainId, name, null, null, List.of(),
                status, List.of(new TemplateRule(caseRuleId, SystemFields.SUMMARY)), List.of())).templateId();
    }

    @Test
    void createdRuleIsReturnedWithItsArn() {
        var created = app.caseRuleService.createCaseRule(new CreateCaseRule(ALICE, domainId, "Summary on close",
                "Closing needs a summary", requiredWhenClosed(SystemFields.STATUS)));

        var batch = app.caseRuleService.batchGetCaseRule(new BatchGetCaseRule(ALICE, domainId,
                List.of(created.caseRuleId())));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.caseRules()).singleElement().satisfies(d -> {
            assertThat(d.arn()).isEqualTo(created.caseRuleArn());
            assertThat(d.resource()).isEqualTo(new CaseRule(domainId, created.caseRuleId(), "Summary on close",
                    "Closing needs a summary", requiredWhenClosed(SystemFields.STATUS), false, NOW, NOW));
        });
    }

    @Test
    void conditionsOnUnknownOrDeletedFieldsAreInvalid() {
        String gone = app.newField(domainId, "Gone", FieldType.Text);
        app.fieldService.deleteField(new DeleteField(ALICE, domainId, gone));

        assertThatThrownBy(() -> create("A", requiredWhenClosed("no-such-field")))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("no-such-field");
        assertThatThrownBy(() -> create("B", requiredWhenClosed(gone)))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining(gone);
    }

    @Test
    void fieldOptionsRulesNeedSingleSelectFields() {
        String notes = app.newField(domainId, "Notes", FieldType.Text);
        String subReason = app.newSingleSelect(domainId, "Sub-reason", "refund", "invoice");

        assertThatThrownBy(() -> create("Text parent", new CaseRuleDetails.FieldOptions(notes, subReason,
                List.of()))).isInstanceOf(DomainException.Invalid.class).hasMessageContaining(notes);
        assertThatThrownBy(() -> create("Text child", new CaseRuleDetails.FieldOptions(SystemFields.CASE_REASON,
                SystemFields.SUMMARY, List.of()))).isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining(SystemFields.SUMMARY);

        String ruleId = create("Reasons", new CaseRuleDetails.FieldOptions(SystemFields.CASE_REASON, subReason,
                List.of(new OptionMapping("billing", List.of("refund", "invoice")))));

        assertThat(get(ruleId).details().fieldIds()).containsExactly(SystemFields.CASE_REASON, subReason);
    }

    @Test
    void deleteIsRefusedWhileALiveTemplateUsesTheRule() {
        String ruleId = create("Summary on close", requiredWhenClosed(SystemFields.STATUS));
        String templateId = templateUsing("Default", ruleId, TemplateStatus.Inactive);

        assertThatThrownBy(() -> app.caseRuleService.deleteCaseRule(new DeleteCaseRule(ALICE, domainId, ruleId)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining(templateId);
        assertThat(get(ruleId).deleted()).isFalse();
    }

    @Test
    void deleteIsAllowedOnceTheTemplateIsDeleted() {
        String ruleId = create("Summary on close", requiredWhenClosed(SystemFields.STATUS));
        String templateId = templateUsing("Default", ruleId, null);

        app.templateService.deleteTemplate(new DeleteTemplate(ALICE, domainId, templateId));
        app.caseRuleService.deleteCaseRule(new DeleteCaseRule(ALICE, domainId, ruleId));

        assertThat(get(ruleId).deleted()).isTrue();
        assertThat(app.caseRuleService.listCaseRules(new ListCaseRules(ALICE, domainId, ALL)).items()).isEmpty();
    }

    @Test
    void deleteIsAllowedOnceTheTemplateNoLongerListsTheRule() {
        String ruleId = create("Summary on close", requiredWhenClosed(SystemFields.STATUS));
        String templateId = templateUsing("Default", ruleId, null);

        app.templateService.updateTemplate(new UpdateTemplate(ALICE, domainId, templateId,
                new Template.Changes(null, null, null, null, null, List.of(), null)));
        app.caseRuleService.deleteCaseRule(new DeleteCaseRule(ALICE, domainId, ruleId));

        assertThat(get(ruleId).deleted()).isTrue();
    }

    @Test
    void deleteFindsTheUsingTemplateBeyondTheFirstHundred() {
        var app = new MemoryServices(new Quotas(5, 500, 500, 100, 200, 100, 100));
        String domainId = app.newDomain(ALICE, "Support");
        String ruleId = app.caseRuleService.createCaseRule(new CreateCaseRule(ALICE, domainId, "Rule", null,
                requiredWhenClosed(SystemFields.STATUS))).caseRuleId();
        for (int i = 0; i < 150; i++) {
            app.templateService.createTemplate(new CreateTemplate(ALICE, domainId, "Filler " + i, null, null, null,
                    null, null, null));
        }
        app.templateService.createTemplate(new CreateTemplate(ALICE, domainId, "User", null, null, null, null,
                List.of(new TemplateRule(ruleId, SystemFields.SUMMARY)), null));

        assertThatThrownBy(() -> app.caseRuleService.deleteCaseRule(new DeleteCaseRule(ALICE, domainId, ruleId)))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void aDeletedRuleCannotBeUpdated() {
        String ruleId = create("Summary on close", requiredWhenClosed(SystemFields.STATUS));
        app.caseRuleService.deleteCaseRule(new DeleteCaseRule(ALICE, domainId, ruleId));

        assertThatThrownBy(() -> app.caseRuleService.updateCaseRule(new UpdateCaseRule(ALICE, domainId, ruleId,
                "Renamed", null, null))).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void updateChecksNewDetailsAndKeepsWhatIsNotGiven() {
        String ruleId = create("Summary on close", requiredWhenClosed(SystemFields.STATUS));

        assertThatThrownBy(() -> app.caseRuleService.updateCaseRule(new UpdateCaseRule(ALICE, domainId, ruleId,
                null, null, requiredWhenClosed("no-such-field")))).isInstanceOf(DomainException.Invalid.class);

        app.caseRuleService.updateCaseRule(new UpdateCaseRule(ALICE, domainId, ruleId, null, "Now described",
                null));

        assertThat(get(ruleId)).extracting(CaseRule::name, CaseRule::description, CaseRule::details)
                .containsExactly("Summary on close", "Now described", requiredWhenClosed(SystemFields.STATUS));
    }

    @Test
    void duplicateNamesConflict() {
        create("Rule", requiredWhenClosed(SystemFields.STATUS));

        assertThatThrownBy(() -> create("Rule", new CaseRuleDetails.Hidden(false, List.of())))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void batchGetReportsUnknownIdsAndIncludesDeletedRules() {
        String live = create("Live", requiredWhenClosed(SystemFields.STATUS));
        String deleted = create("Deleted", requiredWhenClosed(SystemFields.STATUS));
        app.caseRuleService.deleteCaseRule(new DeleteCaseRule(ALICE, domainId, deleted));

        var batch = app.caseRuleService.batchGetCaseRule(new BatchGetCaseRule(ALICE, domainId,
                List.of("nope", deleted, live)));

        assertThat(batch.caseRules()).extracting(d -> d.resource().caseRuleId()).containsExactly(deleted, live);
        assertThat(batch.errors()).extracting(CaseRuleError::id, CaseRuleError::errorCode)
                .containsExactly(tuple("nope", "ResourceNotFoundException"));
    }

    @Test
    void listCaseRulesPagesThroughLiveRules() {
        String first = create("One", requiredWhenClosed(SystemFields.STATUS));
        String second = create("Two", requiredWhenClosed(SystemFields.STATUS));

        var page = app.caseRuleService.listCaseRules(new ListCaseRules(ALICE, domainId, new PageRequest(1, null)));
        var next = app.caseRuleService.listCaseRules(new ListCaseRules(ALICE, domainId,
                new PageRequest(1, page.nextToken())));

        assertThat(page.items()).extracting(d -> d.resource().caseRuleId()).containsExactly(first);
        assertThat(next.items()).extracting(d -> d.resource().caseRuleId()).containsExactly(second);
        assertThat(next.nextToken()).isNull();
    }
}
