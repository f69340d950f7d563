package io.opencases.memory.service;

import io.opencases.application.PageRequest;
import io.opencases.application.field.FieldCommands.DeleteField;
import io.opencases.application.layout.LayoutCommands.CreateLayout;
import io.opencases.application.layout.LayoutCommands.DeleteLayout;
import io.opencases.application.rule.CaseRuleCommands.CreateCaseRule;
import io.opencases.application.template.TemplateCommands.CreateTemplate;
import io.opencases.application.template.TemplateCommands.DeleteTemplate;
import io.opencases.application.template.TemplateCommands.GetTemplate;
import io.opencases.application.template.TemplateCommands.ListTemplates;
import io.opencases.application.template.TemplateCommands.UpdateTemplate;
import io.opencases.domain.DomainException;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.layout.LayoutContent;
import io.opencases.domain.rule.CaseRuleDetails;
import io.opencases.domain.template.TagPropagation;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateRule;
import io.opencases.domain.template.TemplateStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.opencases.memory.service.MemoryServices.ALICE;
import static io.opencases.memory.service.MemoryServices.ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Case templates, their references and the status-filtered listing, over the memory adapters. */
class TemplateServiceTest {
    private final MemoryServices app = new MemoryServices();
    private final String domainId = app.newDomain(ALICE, "Support");

    private String create(String name, TemplateStatus status) {
        return create(name, null, List.of(), status, List.of());
    }

    private String create(String name, String layoutId, List<String> required, TemplateStatus status,
                          List<TemplateRule> rules) {
        return app.templateService.createTemplate(new CreateTemplate(ALICE, domainId, name, null, layoutId, required,
                status, rules, List.of())).templateId();
    }

    private Template get(String templateId) {
        return app.templateService.getTemplate(new GetTemplate(ALICE, domainId, templateId)).resource();
    }

    private String newLayout(String name) {
        return app.layoutService.createLayout(new CreateLayout(ALICE, domainId, name, new LayoutContent(null, null)))
                .layoutId();
    }

    private String newRequiredRule(String name) {
        return app.caseRuleService.createCaseRule(new CreateCaseRule(ALICE, domainId, name, null,
                new CaseRuleDetails.Required(true, List.of()))).caseRuleId();
    }

    private List<String> listAll(Set<TemplateStatus> statuses, int size) {
        var pages = MemoryServices.pages(token -> app.templateService.listTemplates(new ListTemplates(ALICE,
                domainId, new PageRequest(size, token), statuses)));
        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(size));
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page).hasSize(size));
        return MemoryServices.items(pages).stream().map(t -> t.resource().templateId()).toList();
    }

    private static Template.Changes statusOnly(TemplateStatus status) {
        return new Template.Changes(null, null, null, null, status, null, null);
    }

    @Test
    void aTemplateIsActiveUnlessToldOtherwise() {
        String active = create("Default", null);
        String inactive = create("Draft", TemplateStatus.Inactive);

        assertThat(get(active).status()).isEqualTo(TemplateStatus.Active);
        assertThat(get(inactive).status()).isEqualTo(TemplateStatus.Inactive);
    }

    @Test
    void createdTemplateKeepsEverythingItWasGiven() {
        String layoutId = newLayout("Main");
        String ruleId = newRequiredRule("Summary required");
        var propagation = new TagPropagation("Cases", Map.of("team", "billing"));

        var created = app.templateService.createTemplate(new CreateTemplate(ALICE, domainId, "Billing", "Bills",
                layoutId, List.of("summary"), null, List.of(new TemplateRule(ruleId, "summary")),
                List.of(propagation)));

        var described = app.templateService.getTemplate(new GetTemplate(ALICE, domainId, created.templateId()));
        assertThat(described.arn()).isEqualTo(created.templateArn());
        assertThat(described.resource()).extracting(Template::name, Template::description,
                Template::defaultLayoutId, Template::requiredFieldIds, Template::rules, Template::tagPropagations)
                .containsExactly("Billing", "Bills", layoutId, List.of("summary"),
                        List.of(new TemplateRule(ruleId, "summary")), List.of(propagation));
    }

    @Test
    void unknownOrDeletedLayoutsAreInvalid() {
        String layoutId = newLayout("Main");
        app.layoutService.deleteLayout(new DeleteLayout(ALICE, domainId, layoutId));

        assertThatThrownBy(() -> create("A", "no-such-layout", List.of(), null, List.of()))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("no-such-layout");
        assertThatThrownBy(() -> create("B", layoutId, List.of(), null, List.of()))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining(layoutId);
    }

    @Test
    void unknownOrDeletedRequiredFieldsAreInvalid() {
        String gone = app.newField(domainId, "Gone", FieldType.Text);
        app.fieldService.deleteField(new DeleteField(ALICE, domainId, gone));

        assertThatThrownBy(() -> create("A", null, List.of("summary", "no-such-field"), null, List.of()))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("no-such-field");
        assertThatThrownBy(() -> create("B", null, List.of(gone), null, List.of()))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining(gone);
        assertThat(app.templates.countLive(domainId)).isZero();
    }

    @Test
    void ruleReferencesAreChecked() {
        String ruleId = newRequiredRule("Summary required");

        assertThatThrownBy(() -> create("A", null, List.of(), null, List.of(new TemplateRule("no-such-rule",
                "summary")))).isInstanceOf(DomainException.Invalid.class).hasMessageContaining("no-such-rule");
        assertThatThrownBy(() -> create("B", null, List.of(), null, List.of(new TemplateRule(ruleId, null))))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("fieldId");
        assertThatThrownBy(() -> create("C", null, List.of(), null, List.of(new TemplateRule(ruleId,
                "no-such-field")))).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void getTemplateDropsRequiredFieldsAndRuleTargetsDeletedLater() {
        String notes = app.newField(domainId, "Notes", FieldType.Text);
        String ruleId = newRequiredRule("Required");
        String templateId = create("Default", null, List.of("summary", notes), null,
                List.of(new TemplateRule(ruleId, notes), new TemplateRule(ruleId, "summary")));

        app.fieldService.deleteField(new DeleteField(ALICE, domainId, notes));

        assertThat(get(templateId).requiredFieldIds()).containsExactly("summary");
        assertThat(get(templateId).rules()).containsExactly(new TemplateRule(ruleId, "summary"));
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndRefusesNothingToChange() {
        String templateId = create("Default", null);

        app.templateService.updateTemplate(new UpdateTemplate(ALICE, domainId, templateId,
                statusOnly(TemplateStatus.Inactive)));

        assertThat(get(templateId)).extracting(Template::name, Template::status)
                .containsExactly("Default", TemplateStatus.Inactive);
        assertThatThrownBy(() -> app.templateService.updateTemplate(new UpdateTemplate(ALICE, domainId, templateId,
                new Template.Changes(null, null, null, null, null, null, null))))
                .isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void aDeletedTemplateCannotBeUpdated() {
        String templateId = create("Default", null);
        app.templateService.deleteTemplate(new DeleteTemplate(ALICE, domainId, templateId));

        assertThatThrownBy(() -> app.templateService.updateTemplate(new UpdateTemplate(ALICE, domainId, templateId,
                statusOnly(TemplateStatus.Inactive)))).isInstanceOf(DomainException.Invalid.class);
        assertThat(get(templateId).deleted()).isTrue();
    }

    @Test
    void duplicateNamesConflict() {
        String first = create("Default", null);
        String second = create("Other", null);

        assertThatThrownBy(() -> create("Default", TemplateStatus.Inactive))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> app.templateService.updateTemplate(new UpdateTemplate(ALICE, domainId, second,
                new Template.Changes("Default", null, null, null, null, null, null))))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining(first);
    }

    @Test
    void listTemplatesFiltersByStatusWhilePagingEveryMatchOnce() {
        var active = new ArrayList<String>();
        var inactive = new ArrayList<String>();
        for (int i = 0; i < 9; i++) {
            boolean isActive = i % 3 != 1;
            String id = create("Template " + i, isActive ? TemplateStatus.Active : TemplateStatus.Inactive);
            (isActive ? active : inactive).add(id);
        }
        String deleted = create("Deleted", TemplateStatus.Inactive);
        app.templateService.deleteTemplate(new DeleteTemplate(ALICE, domainId, deleted));

        assertThat(listAll(Set.of(TemplateStatus.Inactive), 2)).containsExactlyElementsOf(inactive);
        assertThat(listAll(Set.of(TemplateStatus.Active), 2)).containsExactlyElementsOf(active);
        assertThat(listAll(Set.of(), 4)).hasSize(9).doesNotContain(deleted);
        assertThat(listAll(Set.of(TemplateStatus.Active, TemplateStatus.Inactive), 100)).hasSize(9);
    }

    @Test
    void aListingTokenOfAnotherStatusFilterIsInvalid() {
        for (int i = 0; i < 3; i++) {
            create("Template " + i, TemplateStatus.Inactive);
        }
        String token = app.templateService.listTemplates(new ListTemplates(ALICE, domainId, new PageRequest(1, null),
                Set.of(TemplateStatus.Inactive))).nextToken();

        assertThat(token).isNotNull();
        assertThatThrownBy(() -> app.templateService.listTemplates(new ListTemplates(ALICE, domainId,
                new PageRequest(1, token), Set.of()))).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void listingAnEmptyDomainGivesNothing() {
        var page = app.templateService.listTemplates(new ListTemplates(ALICE, domainId, ALL, Set.of()));

        assertThat(page.items()).isEmpty();
        assertThat(page.nextToken()).isNull();
    }
}
