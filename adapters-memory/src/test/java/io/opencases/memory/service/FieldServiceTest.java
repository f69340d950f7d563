package io.opencases.memory.service;

import io.opencases.application.PageRequest;
import io.opencases.application.Quotas;
import io.opencases.application.field.FieldCommands.BatchGetField;
import io.opencases.application.field.FieldCommands.BatchPutFieldOptions;
import io.opencases.application.field.FieldCommands.CreateField;
import io.opencases.application.field.FieldCommands.DeleteField;
import io.opencases.application.field.FieldCommands.FieldOptionError;
import io.opencases.application.field.FieldCommands.ListFieldOptions;
import io.opencases.application.field.FieldCommands.ListFields;
import io.opencases.application.field.FieldCommands.UpdateField;
import io.opencases.domain.DomainException;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldNamespace;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.SystemFields;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.opencases.memory.service.MemoryServices.ALICE;
import static io.opencases.memory.service.MemoryServices.ALL;
import static io.opencases.memory.service.MemoryServices.BOB;
import static io.opencases.memory.service.MemoryServices.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Field definitions and SingleSelect options, over the memory adapters. */
class FieldServiceTest {
    private final MemoryServices app = new MemoryServices();
    private final String domainId = app.newDomain(ALICE, "Support");

    private Field get(String fieldId) {
        return app.fieldService.batchGetField(new BatchGetField(ALICE, domainId, List.of(fieldId))).fields().get(0)
                .resource();
    }

    private List<String> listedNames() {
        return app.fieldService.listFields(new ListFields(ALICE, domainId, ALL)).items().stream()
                .map(f -> f.resource().name()).toList();
    }

    private List<FieldOptionError> putOptions(String fieldId, FieldOption... options) {
        return app.fieldService.batchPutFieldOptions(new BatchPutFieldOptions(ALICE, domainId, fieldId,
                List.of(options)));
    }

    private List<FieldOption> options(String fieldId) {
        return app.fieldService.listFieldOptions(new ListFieldOptions(ALICE, domainId, fieldId, ALL, null)).items();
    }

    @Test
    void createdFieldIsCustomAndCarriesItsArn() {
        var created = app.fieldService.createField(new CreateField(ALICE, domainId, "Notes", FieldType.Text,
                "Agent notes", true));

        assertThat(created.fieldArn()).isEqualTo(app.arns.field(ALICE.accountId(), domainId, created.fieldId()));
        assertThat(get(created.fieldId())).isEqualTo(new Field(domainId, created.fieldId(), "Notes", "Agent notes",
                FieldType.Text, FieldNamespace.Custom, true, false, NOW, NOW));
    }

    @Test
    void textAttributesOnAnotherTypeAreInvalid() {
        assertThatThrownBy(() -> app.fieldService.createField(new CreateField(ALICE, domainId, "Score",
                FieldType.Number, null, true))).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void anotherAccountCannotCreateFieldsInTheDomain() {
        assertThatThrownBy(() -> app.fieldService.createField(new CreateField(BOB, domainId, "Notes",
                FieldType.Text, null, null))).isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void updateChangesOnlyWhatIsGiven() {
        String fieldId = app.newField(domainId, "Notes", FieldType.Text);

        app.fieldService.updateField(new UpdateField(ALICE, domainId, fieldId, null, "Agent notes", true));

        assertThat(get(fieldId)).extracting(Field::name, Field::description, Field::type, Field::multiline)
                .containsExactly("Notes", "Agent notes", FieldType.Text, true);
    }

    @Test
    void aDuplicateNameConflictsButRenamingToTheOwnNameIsFine() {
        String notes = app.newField(domainId, "Notes", FieldType.Text);
        String score = app.newField(domainId, "Score", FieldType.Number);

        assertThatThrownBy(() -> app.newField(domainId, "Notes", FieldType.Number))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining(notes);
        assertThatThrownBy(() -> app.fieldService.updateField(new UpdateField(ALICE, domainId, score, "Notes",
                null, null))).isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> app.newField(domainId, "Status", FieldType.Text))
                .isInstanceOf(DomainException.Conflict.class);

        app.fieldService.updateField(new UpdateField(ALICE, domainId, notes, "Notes", "same name", null));

        assertThat(get(notes).description()).isEqualTo("same name");
    }

    @Test
    void deleteIsSoftAndFreesTheName() {
        String fieldId = app.newField(domainId, "Notes", FieldType.Text);

        app.fieldService.deleteField(new DeleteField(ALICE, domainId, fieldId));
        app.fieldService.deleteField(new DeleteField(ALICE, domainId, fieldId));

        assertThat(get(fieldId).deleted()).isTrue();
        assertThat(listedNames()).doesNotContain("Notes").hasSize(SystemFields.COUNT);
        assertThat(app.newField(domainId, "Notes", FieldType.Text)).isNotEqualTo(fieldId);
    }

    @Test
    void aDeletedFieldCannotBeUpdated() {
        String fieldId = app.newField(domainId, "Notes", FieldType.Text);
        app.fieldService.deleteField(new DeleteField(ALICE, domainId, fieldId));

        assertThatThrownBy(() -> app.fieldService.updateField(new UpdateField(ALICE, domainId, fieldId, "Again",
                null, null))).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void systemFieldsCanBeNeitherUpdatedNorDeleted() {
        assertThatThrownBy(() -> app.fieldService.updateField(new UpdateField(ALICE, domainId, SystemFields.TITLE,
                null, "Headline", null))).isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> app.fieldService.deleteField(new DeleteField(ALICE, domainId,
                SystemFields.SUMMARY))).isInstanceOf(DomainException.Invalid.class);
        assertThat(get(SystemFields.SUMMARY).deleted()).isFalse();
    }

    @Test
    void unknownFieldsAreNotFound() {
        assertThatThrownBy(() -> app.fieldService.updateField(new UpdateField(ALICE, domainId, "nope", "X", null,
                null))).isInstanceOfSatisfying(DomainException.NotFound.class,
                        e -> assertThat(e.resourceType()).isEqualTo("Field"));
        assertThatThrownBy(() -> app.fieldService.deleteField(new DeleteField(ALICE, domainId, "nope")))
                .isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void batchGetReportsUnknownIdsAndIncludesDeletedFieldsInRequestOrder() {
        String live = app.newField(domainId, "Notes", FieldType.Text);
        String deleted = app.newField(domainId, "Old", FieldType.Text);
        app.fieldService.deleteField(new DeleteField(ALICE, domainId, deleted));

        var batch = app.fieldService.batchGetField(new BatchGetField(ALICE, domainId, List.of(deleted, "nope-1",
                SystemFields.STATUS, live, "nope-2")));

        assertThat(batch.fields()).extracting(f -> f.resource().fieldId())
                .containsExactly(deleted, SystemFields.STATUS, live);
        assertThat(batch.fields().get(0).resource().deleted()).isTrue();
        assertThat(batch.fields().get(1).arn()).isEqualTo(app.arns.field(ALICE.accountId(), domainId, "status"));
        assertThat(batch.errors()).extracting(e -> e.id()).containsExactly("nope-1", "nope-2");
        assertThat(batch.errors()).allSatisfy(e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    void fieldQuotaCountsLiveCustomFieldsOnly() {
        var app = new MemoryServices(new Quotas(5, 2, 500, 100, 100, 100, 100));
        String domainId = app.newDomain(ALICE, "Support");
        String first = app.newField(domainId, "One", FieldType.Text);
        app.newField(domainId, "Two", FieldType.Text);

        assertThatThrownBy(() -> app.newField(domainId, "Three", FieldType.Text))
                .isInstanceOf(DomainException.QuotaExceeded.class);

        app.fieldService.deleteField(new DeleteField(ALICE, domainId, first));

        assertThat(app.newField(domainId, "Three", FieldType.Text)).isNotBlank();
    }

    @Test
    void listFieldsPagesThroughEveryLiveFieldOnce() {
        for (int i = 0; i < 6; i++) {
            app.newField(domainId, "Custom " + i, FieldType.Text);
        }
        app.fieldService.deleteField(new DeleteField(ALICE, domainId,
                app.newField(domainId, "Gone", FieldType.Text)));

        var pages = MemoryServices.pages(token -> app.fieldService.listFields(new ListFields(ALICE, domainId,
                new PageRequest(4, token))));

        assertThat(pages).extracting(List::size).containsExactly(4, 4, 4, 4, 4, 2);
        assertThat(MemoryServices.items(pages)).extracting(f -> f.resource().fieldId())
                .doesNotHaveDuplicates().hasSize(SystemFields.COUNT + 6).isSorted();
    }

    @Test
    void batchPutAddsNewOptionsAndUpdatesExistingOnesByValueKeepingTheirPlace() {
        String fieldId = app.newSingleSelect(domainId, "Priority", "low", "mid", "high");

        var errors = putOptions(fieldId, new FieldOption("Medium", "mid", false),
                new FieldOption("Urgent", "urgent", true));

        assertThat(errors).isEmpty();
        assertThat(options(fieldId)).containsExactly(new FieldOption("LOW", "low", true),
                new FieldOption("Medium", "mid", false), new FieldOption("HIGH", "high", true),
                new FieldOption("Urgent", "urgent", true));
    }

    @Test
    void aValueRepeatedInTheRequestIsReportedAndItsFirstOccurrenceApplied() {
        String fieldId = app.newSingleSelect(domainId, "Priority");

        var errors = putOptions(fieldId, new FieldOption("Low", "low", true), new FieldOption("Lower", "low", true),
                new FieldOption("High", "high", true));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.value()).isEqualTo("low");
            assertThat(e.errorCode()).isEqualTo("ValidationException");
        });
        assertThat(options(fieldId)).containsExactly(new FieldOption("Low", "low", true),
                new FieldOption("High", "high", true));
    }

    @Test
    void theShippedStatusOptionsCannotBeChangedButStatusTakesNewOnes() {
        var errors = putOptions(SystemFields.STATUS, new FieldOption("Opened", "open", true),
                new FieldOption("Closed", "closed", false), new FieldOption("Open", "open", true),
                new FieldOption("Pending", "pending", true));

        assertThat(errors).extracting(FieldOptionError::value).containsExactly("open", "closed", "open");
        assertThat(options(SystemFields.STATUS)).containsExactly(new FieldOption("Open", "open", true),
                new FieldOption("Closed", "closed", true), new FieldOption("Pending", "pending", true));
    }

    @Test
    void resendingAShippedStatusOptionUnchangedIsNoError() {
        var errors = putOptions(SystemFields.STATUS, SystemFields.STATUS_OPTIONS.toArray(FieldOption[]::new));

        assertThat(errors).isEmpty();
        assertThat(options(SystemFields.STATUS)).containsExactlyElementsOf(SystemFields.STATUS_OPTIONS);
    }

    @Test
    void onlySingleSelectFieldsHaveOptions() {
        String fieldId = app.newField(domainId, "Notes", FieldType.Text);

        assertThatThrownBy(() -> putOptions(fieldId, new FieldOption("A", "a", true)))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("SingleSelect");
        assertThatThrownBy(() -> putOptions(SystemFields.TITLE, new FieldOption("A", "a", true)))
                .isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void aDeletedFieldsOptionsCannotBeChanged() {
        String fieldId = app.newSingleSelect(domainId, "Priority", "low");
        app.fieldService.deleteField(new DeleteField(ALICE, domainId, fieldId));

        assertThatThrownBy(() -> putOptions(fieldId, new FieldOption("High", "high", true)))
                .isInstanceOf(DomainException.Invalid.class);
        assertThat(options(fieldId)).extracting(FieldOption::value).containsExactly("low");
    }

    @Test
    void theOptionQuotaFailsTheWholeCall() {
        var app = new MemoryServices(new Quotas(5, 500, 3, 100, 100, 100, 100));
        String domainId = app.newDomain(ALICE, "Support");
        String fieldId = app.newSingleSelect(domainId, "Priority", "low", "mid");

        assertThatThrownBy(() -> app.fieldService.batchPutFieldOptions(new BatchPutFieldOptions(ALICE, domainId,
                fieldId, List.of(new FieldOption("High", "high", true), new FieldOption("Top", "top", true)))))
                .isInstanceOf(DomainException.QuotaExceeded.class);
        assertThat(app.fields.options(domainId, fieldId)).extracting(FieldOption::value).containsExactly("low", "mid");

        app.fieldService.batchPutFieldOptions(new BatchPutFieldOptions(ALICE, domainId, fieldId,
                List.of(new FieldOption("Mid", "mid", false), new FieldOption("High", "high", true))));

        assertThat(app.fields.options(domainId, fieldId)).hasSize(3);
    }

    @Test
    void listFieldOptionsPagesThroughEveryOptionOnceInTheOrderAdded() {
        String fieldId = app.newSingleSelect(domainId, "Priority", "zulu", "alpha", "mike", "bravo", "echo");

        var pages = MemoryServices.pages(token -> app.fieldService.listFieldOptions(new ListFieldOptions(ALICE,
                domainId, fieldId, new PageRequest(2, token), null)));

        assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(MemoryServices.items(pages)).extracting(FieldOption::value)
                .containsExactly("zulu", "alpha", "mike", "bravo", "echo");
    }

    @Test
    void listFieldOptionsFiltersByValue() {
        String fieldId = app.newSingleSelect(domainId, "Priority", "low", "mid", "high");

        var mid = app.fieldService.listFieldOptions(new ListFieldOptions(ALICE, domainId, fieldId, ALL, "mid"));
        var none = app.fieldService.listFieldOptions(new ListFieldOptions(ALICE, domainId, fieldId, ALL, "nope"));

        assertThat(mid.items()).containsExactly(new FieldOption("MID", "mid", true));
        assertThat(mid.nextToken()).isNull();
        assertThat(none.items()).isEmpty();
    }

    @Test
    void anOptionsTokenOfAnotherFieldIsInvalid() {
        String priority = app.newSingleSelect(domainId, "Priority", "low", "mid", "high");
        String urgency = app.newSingleSelect(domainId, "Urgency", "low", "mid", "high");
        String token = app.fieldService.listFieldOptions(new ListFieldOptions(ALICE, domainId, priority,
                new PageRequest(1, null), null)).nextToken();

        assertThat(token).isNotNull();
        assertThatThrownBy(() -> app.fieldService.listFieldOptions(new ListFieldOptions(ALICE, domainId, urgency,
                new PageRequest(1, token), null))).isInstanceOf(DomainException.Invalid.class);
    }
}
