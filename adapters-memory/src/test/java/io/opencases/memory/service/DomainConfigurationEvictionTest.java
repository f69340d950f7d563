package io.opencases.memory.service;

import io.opencases.application.casesdomain.DomainCommands.DeleteDomain;
import io.opencases.application.casesdomain.DomainCommands.PutCaseEventConfiguration;
import io.opencases.application.casesdomain.DomainConfigurations;
import io.opencases.application.field.FieldCommands.BatchPutFieldOptions;
import io.opencases.application.field.FieldCommands.CreateField;
import io.opencases.application.field.FieldCommands.DeleteField;
import io.opencases.application.field.FieldCommands.UpdateField;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.rule.CaseRuleCommands.CreateCaseRule;
import io.opencases.application.rule.CaseRuleCommands.DeleteCaseRule;
import io.opencases.application.rule.CaseRuleCommands.UpdateCaseRule;
import io.opencases.application.template.TemplateCommands.CreateTemplate;
import io.opencases.application.template.TemplateCommands.DeleteTemplate;
import io.opencases.application.template.TemplateCommands.UpdateTemplate;
import io.opencases.domain.casesdomain.DomainConfiguration;
import io.opencases.domain.event.CaseEventConfiguration;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.rule.CaseRuleDetails;
import io.opencases.domain.template.Template;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static io.opencases.memory.service.MemoryServices.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * This instance's cached domain configuration and its own configuration changes: each one evicts the domain once it
 * has committed, and records a configuration row in the change feed for the other instances.
 */
class DomainConfigurationEvictionTest {
    private final MemoryServices app = new MemoryServices();
    private final DomainConfigurations configurations = app.context.configurations();
    private final String domainId = app.newDomain(ALICE, "Support");

    private DomainConfiguration cache() {
        return configurations.require(ALICE.accountId(), domainId);
    }

    private List<CaseChangeFeed.Change.Kind> feedKindsAfter(long position) {
        return app.feed.after(position, 1_000).stream().map(CaseChangeFeed.Change::kind).toList();
    }

    /** Runs {@code change} on a freshly cached configuration: it must evict it and leave one configuration row. */
    private void assertEvicts(String what, Runnable change) {
        cache();
        long head = app.feed.head();

        change.run();

        assertThat(configurations.cached(domainId)).as(what + " evicts the cached configuration").isEmpty();
        assertThat(feedKindsAfter(head)).as(what + " tells the other instances")
                .containsExactly(CaseChangeFeed.Change.Kind.CONFIGURATION);
    }

    @Test
    void theCachedConfigurationGoesOnlyOnceTheChangeHasCommitted() {
        DomainConfiguration before = cache();
        var cachedInsideTheChange = new AtomicReference<Optional<DomainConfiguration>>();

        String fieldId = app.unitOfWork.write(() -> {
            String id = app.newField(domainId, "Notes", FieldType.Text);
            // Not yet: a case call reading the store now would put the configuration from before the change back.
            cachedInsideTheChange.set(configurations.cached(domainId));
            return id;
        });

        assertThat(cachedInsideTheChange.get()).containsSame(before);
        assertThat(configurations.cached(domainId)).isEmpty();
        assertThat(cache().isLiveField(fieldId)).isTrue();
    }

    @Test
    void aChangeThatIsRolledBackEvictsNothing() {
        DomainConfiguration before = cache();

        assertThatThrownBy(() -> app.unitOfWork.write(() -> {
            app.newField(domainId, "Notes", FieldType.Text);
            throw new IllegalStateException("the unit of work fails after the field was written");
        })).hasMessageContaining("fails after");

        assertThat(configurations.cached(domainId)).containsSame(before);
    }

    @Test
    void everyUseCaseThatChangesTheConfigurationEvictsIt() {
        String fieldId = app.newField(domainId, "Tier", FieldType.SingleSelect);
        String other = app.newField(domainId, "Region", FieldType.SingleSelect);

        assertEvicts("CreateField", () -> app.newField(domainId, "Notes", FieldType.Text));
        assertEvicts("UpdateField", () -> app.fieldService.updateField(new UpdateField(ALICE, domainId, fieldId,
                "Customer tier", null, null)));
        assertEvicts("BatchPutFieldOptions", () -> app.fieldService.batchPutFieldOptions(new BatchPutFieldOptions(
                ALICE, domainId, fieldId, List.of(new FieldOption("Gold", "gold", true)))));
        String ruleId = app.caseRuleService.createCaseRule(new CreateCaseRule(ALICE, domainId, "required", null,
                new CaseRuleDetails.Required(false, List.of()))).caseRuleId();
        assertEvicts("CreateCaseRule", () -> app.caseRuleService.createCaseRule(new CreateCaseRule(ALICE, domainId,
                "hidden", null, new CaseRuleDetails.Hidden(false, List.of()))));
        assertEvicts("UpdateCaseRule", () -> app.caseRuleService.updateCaseRule(new UpdateCaseRule(ALICE, domainId,
                ruleId, "still required", null, null)));
        assertEvicts("DeleteCaseRule", () -> app.caseRuleService.deleteCaseRule(new DeleteCaseRule(ALICE, domainId,
                ruleId)));
        String templateId = app.templateService.createTemplate(new CreateTemplate(ALICE, domainId, "t", null, null,
                null, null, null, null)).templateId();
        assertEvicts("CreateTemplate", () -> app.templateService.createTemplate(new CreateTemplate(ALICE, domainId,
                "t2", null, null, null, null, null, null)));
        assertEvicts("UpdateTemplate", () -> app.templateService.updateTemplate(new UpdateTemplate(ALICE, domainId,
                templateId, new Template.Changes("t1", null, null, List.of(fieldId), null, null, null))));
        assertEvicts("DeleteTemplate", () -> app.templateService.deleteTemplate(new DeleteTemplate(ALICE, domainId,
                templateId)));
        assertEvicts("PutCaseEventConfiguration", () -> app.domainService.putCaseEventConfiguration(
                new PutCaseEventConfiguration(ALICE, domainId, new CaseEventConfiguration(true, List.of("title"),
                        false))));
        assertEvicts("DeleteField", () -> app.fieldService.deleteField(new DeleteField(ALICE, domainId, other)));
    }

    @Test
    void aDeletedDomainIsEvictedAndTheFeedRecordsOnlyTheDeletion() {
        cache();
        long head = app.feed.head();

        app.domainService.deleteDomain(new DeleteDomain(ALICE, domainId));

        assertThat(configurations.cached(domainId)).isEmpty();
        // The other instances evict on the deletion's own row; a configuration row beside it would say nothing more.
        assertThat(feedKindsAfter(head)).containsExactly(CaseChangeFeed.Change.Kind.DOMAIN_DELETED);
    }
}
