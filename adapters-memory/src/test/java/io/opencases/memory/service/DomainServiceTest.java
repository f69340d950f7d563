package io.opencases.memory.service;

import io.opencases.application.Caller;
import io.opencases.application.Described;
import io.opencases.application.PageRequest;
import io.opencases.application.Quotas;
import io.opencases.application.casesdomain.DomainCommands.CreateDomain;
import io.opencases.application.casesdomain.DomainCommands.DeleteDomain;
import io.opencases.application.casesdomain.DomainCommands.GetCaseEventConfiguration;
import io.opencases.application.casesdomain.DomainCommands.GetDomain;
import io.opencases.application.casesdomain.DomainCommands.ListDomains;
import io.opencases.application.casesdomain.DomainCommands.PutCaseEventConfiguration;
import io.opencases.application.field.FieldCommands.DeleteField;
import io.opencases.application.field.FieldCommands.ListFieldOptions;
import io.opencases.application.field.FieldCommands.ListFields;
import io.opencases.application.layout.LayoutCommands.CreateLayout;
import io.opencases.application.rule.CaseRuleCommands.CreateCaseRule;
import io.opencases.application.tag.TagCommands.TagResource;
import io.opencases.application.template.TemplateCommands.CreateTemplate;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainStatus;
import io.opencases.domain.event.CaseEventConfiguration;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldNamespace;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.SystemFields;
import io.opencases.domain.layout.FieldGroup;
import io.opencases.domain.layout.LayoutContent;
import io.opencases.domain.layout.LayoutPanel;
import io.opencases.domain.rule.CaseRuleDetails;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.opencases.memory.service.MemoryServices.ALICE;
import static io.opencases.memory.service.MemoryServices.ALL;
import static io.opencases.memory.service.MemoryServices.BOB;
import static io.opencases.memory.service.MemoryServices.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CreateDomain, GetDomain, ListDomains, DeleteDomain and the case event configuration, over the memory adapters. */
class DomainServiceTest {
    private final MemoryServices app = new MemoryServices();

    private List<String> listedIds(Caller caller) {
        return app.domainService.listDomains(new ListDomains(caller, PageRequest.FIRST)).items().stream()
                .map(d -> d.resource().domainId()).toList();
    }

    @Test
    void createdDomainIsActiveAndDescribedWithItsArn() {
        var created = app.domainService.createDomain(new CreateDomain(ALICE, "Support"));

        assertThat(created.status()).isEqualTo(DomainStatus.Active);
        assertThat(created.domainArn()).isEqualTo("arn:aws:cases:us-east-1:111111111111:domain/"
                + created.domainId());
        Described<CasesDomain> got = app.domainService.getDomain(new GetDomain(ALICE, created.domainId()));
        assertThat(got.resource()).isEqualTo(new CasesDomain("111111111111", created.domainId(), "Support",
                DomainStatus.Active, NOW));
        assertThat(got.arn()).isEqualTo(created.domainArn());
        assertThat(got.tags()).isEmpty();
    }

    @Test
    void createSeedsTheSystemFields() {
        String domainId = app.newDomain(ALICE, "Support");

        List<Field> fields = app.fieldService.listFields(new ListFields(ALICE, domainId, ALL)).items().stream()
                .map(Described::resource).toList();

        assertThat(fields).hasSize(SystemFields.COUNT).allSatisfy(f -> assertThat(f.namespace()).isEqualTo(FieldNamespace.System));
        assertThat(fields).extracting(Field::fieldId).containsExactlyInAnyOrderElementsOf(
                SystemFields.forDomain(domainId, NOW).stream().map(Field::fieldId).toList());
    }

    @Test
    void createSeedsTheStatusOptions() {
        String domainId = app.newDomain(ALICE, "Support");

        var options = app.fieldService.listFieldOptions(new ListFieldOptions(ALICE, domainId, SystemFields.STATUS,
                ALL, null));

        assertThat(options.items()).containsExactlyElementsOf(SystemFields.STATUS_OPTIONS);
        assertThat(options.nextToken()).isNull();
    }

    @Test
    void aDuplicateNameInTheSameAccountConflicts() {
        app.newDomain(ALICE, "Support");

        assertThatThrownBy(() -> app.newDomain(ALICE, "Support")).isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("Support");
        assertThat(app.newDomain(BOB, "Support")).isNotBlank();
    }

    @Test
    void theDomainQuotaIsPerAccountAndFreedByDeletion() {
        var app = new MemoryServices(new Quotas(2, 500, 500, 100, 100, 100, 100));
        String first = app.newDomain(ALICE, "One");
        app.newDomain(ALICE, "Two");

        assertThatThrownBy(() -> app.newDomain(ALICE, "Three")).isInstanceOf(DomainException.QuotaExceeded.class);
        assertThat(app.newDomain(BOB, "Three")).isNotBlank();

        app.domainService.deleteDomain(new DeleteDomain(ALICE, first));

        assertThat(app.newDomain(ALICE, "Three")).isNotBlank();
    }

    @Test
    void anotherAccountCanNeitherGetNorDeleteTheDomain() {
        String domainId = app.newDomain(ALICE, "Support");

        assertThatThrownBy(() -> app.domainService.getDomain(new GetDomain(BOB, domainId)))
                .isInstanceOfSatisfying(DomainException.NotFound.class,
                        e -> assertThat(e.resourceId()).isEqualTo(domainId));
        assertThatThrownBy(() -> app.domainService.deleteDomain(new DeleteDomain(BOB, domainId)))
                .isInstanceOf(DomainException.NotFound.class);
        assertThat(listedIds(BOB)).isEmpty();
        assertThat(app.domainService.getDomain(new GetDomain(ALICE, domainId)).resource().name())
                .isEqualTo("Support");
    }

    @Test
    void listDomainsPagesThroughTheCallersDomainsInIdOrder() {
        var app = new MemoryServices(new Quotas(10, 500, 500, 100, 100, 100, 100));
        var mine = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            mine.add(app.newDomain(ALICE, "Mine " + i));
            app.newDomain(BOB, "Theirs " + i);
        }

        var pages = MemoryServices.pages(token -> app.domainService.listDomains(new ListDomains(ALICE,
                new PageRequest(2, token))));

        assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(MemoryServices.items(pages)).extracting(d -> d.resource().domainId())
                .containsExactlyElementsOf(mine);
        assertThat(MemoryServices.items(pages)).allSatisfy(d -> assertThat(d.arn())
                .isEqualTo(app.arns.domain(ALICE.accountId(), d.resource().domainId())));
    }

    @Test
    void deleteRemovesEverythingInTheDomain() {
        String domainId = app.newDomain(ALICE, "Support");
        String fieldId = app.newSingleSelect(domainId, "Priority", "low", "high");
        String layoutId = app.layoutService.createLayout(new CreateLayout(ALICE, domainId, "Main",
                new LayoutContent(new LayoutPanel(List.of(new FieldGroup(null, List.of(fieldId)))), null)))
                .layoutId();
        String templateId = app.templateService.createTemplate(new CreateTemplate(ALICE, domainId, "Default", null,
                layoutId, List.of(fieldId), null, null, null)).templateId();
        String ruleId = app.caseRuleService.createCaseRule(new CreateCaseRule(ALICE, domainId, "Rule", null,
                new CaseRuleDetails.Required(true, List.of()))).caseRuleId();
        String domainArn = app.arns.domain(ALICE.accountId(), domainId);
        String fieldArn = app.arns.field(ALICE.accountId(), domainId, fieldId);
        app.tagService.tagResource(new TagResource(ALICE, domainArn, Map.of("team", "support")));
        app.tagService.tagResource(new TagResource(ALICE, fieldArn, Map.of("team", "support")));
        app.domainService.putCaseEventConfiguration(new PutCaseEventConfiguration(ALICE, domainId,
                new CaseEventConfiguration(true, List.of(fieldId), null)));

        app.domainService.deleteDomain(new DeleteDomain(ALICE, domainId));

        assertThatThrownBy(() -> app.domainService.getDomain(new GetDomain(ALICE, domainId)))
                .isInstanceOf(DomainException.NotFound.class);
        assertThat(app.fields.countLive(domainId)).isZero();
        assertThat(app.fields.options(domainId, fieldId)).isEmpty();
        assertThat(app.fields.options(domainId, SystemFields.STATUS)).isEmpty();
        assertThat(app.layouts.find(domainId, layoutId)).isEmpty();
        assertThat(app.templates.find(domainId, templateId)).isEmpty();
        assertThat(app.caseRules.find(domainId, ruleId)).isEmpty();
        assertThat(app.tags.tags(domainArn)).isEmpty();
        assertThat(app.tags.tags(fieldArn)).isEmpty();
        assertThat(app.domains.findEventConfiguration(domainId)).isEmpty();
        assertThat(listedIds(ALICE)).isEmpty();
    }

    @Test
    void aDomainCreatedAfterADeletionStartsClean() {
        String old = app.newDomain(ALICE, "Support");
        app.newField(old, "Priority", FieldType.Text);
        app.domainService.deleteDomain(new DeleteDomain(ALICE, old));

        String fresh = app.newDomain(ALICE, "Support");

        assertThat(listedIds(ALICE)).containsExactly(fresh);
        assertThat(app.fieldService.listFields(new ListFields(ALICE, fresh, ALL)).items())
                .hasSize(SystemFields.COUNT)
                .noneSatisfy(f -> assertThat(f.resource().name()).isEqualTo("Priority"));
    }

    @Test
    void eventConfigurationIsDisabledUntilPutAndDropsFieldsDeletedSince() {
        String domainId = app.newDomain(ALICE, "Support");
        String fieldId = app.newField(domainId, "Priority", FieldType.Text);

        assertThat(app.domainService.getCaseEventConfiguration(new GetCaseEventConfiguration(ALICE, domainId)))
                .isEqualTo(CaseEventConfiguration.DISABLED);

        app.domainService.putCaseEventConfiguration(new PutCaseEventConfiguration(ALICE, domainId,
                new CaseEventConfiguration(true, List.of("status", fieldId), true)));
        app.fieldService.deleteField(new DeleteField(ALICE, domainId, fieldId));

        assertThat(app.domainService.getCaseEventConfiguration(new GetCaseEventConfiguration(ALICE, domainId)))
                .isEqualTo(new CaseEventConfiguration(true, List.of("status"), true));
    }

    @Test
    void eventConfigurationRefusesUnknownFields() {
        String domainId = app.newDomain(ALICE, "Support");

        assertThatThrownBy(() -> app.domainService.putCaseEventConfiguration(new PutCaseEventConfiguration(ALICE,
                domainId, new CaseEventConfiguration(true, List.of("no-such-field"), null))))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("no-such-field");
    }
}
