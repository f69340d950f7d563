package io.opencases.memory.service;

import io.opencases.application.PageRequest;
import io.opencases.application.Quotas;
import io.opencases.application.field.FieldCommands.DeleteField;
import io.opencases.application.layout.LayoutCommands.CreateLayout;
import io.opencases.application.layout.LayoutCommands.DeleteLayout;
import io.opencases.application.layout.LayoutCommands.GetLayout;
import io.opencases.application.layout.LayoutCommands.ListLayouts;
import io.opencases.application.layout.LayoutCommands.UpdateLayout;
import io.opencases.domain.DomainException;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.layout.FieldGroup;
import io.opencases.domain.layout.Layout;
import io.opencases.domain.layout.LayoutContent;
import io.opencases.domain.layout.LayoutPanel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.opencases.memory.service.MemoryServices.ALICE;
import static io.opencases.memory.service.MemoryServices.BOB;
import static io.opencases.memory.service.MemoryServices.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Case layouts and their field references, over the memory adapters. */
class LayoutServiceTest {
    private final MemoryServices app = new MemoryServices();
    private final String domainId = app.newDomain(ALICE, "Support");

    private static LayoutContent content(String... topFieldIds) {
        return new LayoutContent(new LayoutPanel(List.of(new FieldGroup("Main", List.of(topFieldIds)))),
                new LayoutPanel(List.of(new FieldGroup("More", List.of("summary")))));
    }

    private String create(String name, LayoutContent content) {
        return app.layoutService.createLayout(new CreateLayout(ALICE, domainId, name, content)).layoutId();
    }

    private Layout get(String layoutId) {
        return app.layoutService.getLayout(new GetLayout(ALICE, domainId, layoutId)).resource();
    }

    @Test
    void createdLayoutIsReturnedAsWritten() {
        String priority = app.newField(domainId, "Priority", FieldType.Number);
        var content = content("customer_id", priority);

        var created = app.layoutService.createLayout(new CreateLayout(ALICE, domainId, "Main", content));

        assertThat(created.layoutArn()).isEqualTo(app.arns.layout(ALICE.accountId(), domainId, created.layoutId()));
        assertThat(get(created.layoutId())).isEqualTo(new Layout(domainId, created.layoutId(), "Main", content, false,
                NOW, NOW));
    }

    @Test
    void unknownFieldReferencesAreInvalid() {
        assertThatThrownBy(() -> create("Main", content("customer_id", "no-such-field")))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("no-such-field");
        assertThat(app.layouts.countLive(domainId)).isZero();
    }

    @Test
    void deletedFieldReferencesAreInvalid() {
        String priority = app.newField(domainId, "Priority", FieldType.Number);
        app.fieldService.deleteField(new DeleteField(ALICE, domainId, priority));

        assertThatThrownBy(() -> create("Main", content(priority))).isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining(priority);
    }

    @Test
    void titleCannotBePlaced() {
        assertThatThrownBy(() -> create("Main", content("title"))).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void getLayoutDropsFieldsDeletedLater() {
        String priority = app.newField(domainId, "Priority", FieldType.Number);
        String layoutId = create("Main", content("customer_id", priority));

        app.fieldService.deleteField(new DeleteField(ALICE, domainId, priority));

        assertThat(get(layoutId).content().fieldIds()).containsExactly("customer_id", "summary");
        assertThat(app.layouts.find(domainId, layoutId).orElseThrow().content().fieldIds()).contains(priority);
    }

    @Test
    void updateReplacesNameAndContentAndChecksTheNewReferences() {
        String layoutId = create("Main", content("customer_id"));

        assertThatThrownBy(() -> app.layoutService.updateLayout(new UpdateLayout(ALICE, domainId, layoutId, null,
                content("no-such-field")))).isInstanceOf(DomainException.Invalid.class);

        app.layoutService.updateLayout(new UpdateLayout(ALICE, domainId, layoutId, "Renamed", null));

        assertThat(get(layoutId).name()).isEqualTo("Renamed");
        assertThat(get(layoutId).content()).isEqualTo(content("customer_id"));
    }

    @Test
    void aDeletedLayoutCannotBeUpdatedButCanStillBeRead() {
        String layoutId = create("Main", content("customer_id"));
        app.layoutService.deleteLayout(new DeleteLayout(ALICE, domainId, layoutId));

        assertThatThrownBy(() -> app.layoutService.updateLayout(new UpdateLayout(ALICE, domainId, layoutId,
                "Renamed", content("assigned_user")))).isInstanceOf(DomainException.Invalid.class);
        assertThat(get(layoutId).deleted()).isTrue();
        assertThat(get(layoutId).name()).isEqualTo("Main");
    }

    @Test
    void duplicateNamesConflictUntilTheOtherLayoutIsDeleted() {
        String first = create("Main", content("customer_id"));

        assertThatThrownBy(() -> create("Main", content())).isInstanceOf(DomainException.Conflict.class);

        app.layoutService.deleteLayout(new DeleteLayout(ALICE, domainId, first));

        assertThat(create("Main", content())).isNotEqualTo(first);
    }

    @Test
    void listLayoutsShowsOnlyLiveLayoutsAndPages() {
        String kept = create("One", content());
        String deleted = create("Two", content());
        String third = create("Three", content());
        app.layoutService.deleteLayout(new DeleteLayout(ALICE, domainId, deleted));

        var first = app.layoutService.listLayouts(new ListLayouts(ALICE, domainId, new PageRequest(1, null)));
        var second = app.layoutService.listLayouts(new ListLayouts(ALICE, domainId,
                new PageRequest(1, first.nextToken())));

        assertThat(first.items()).extracting(l -> l.resource().layoutId()).containsExactly(kept);
        assertThat(second.items()).extracting(l -> l.resource().layoutId()).containsExactly(third);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void theFieldsPerLayoutQuotaIsEnforced() {
        var app = new MemoryServices(new Quotas(5, 500, 500, 100, 100, 100, 2));
        String domainId = app.newDomain(ALICE, "Support");

        assertThatThrownBy(() -> app.layoutService.createLayout(new CreateLayout(ALICE, domainId, "Main",
                content("customer_id", "assigned_user")))).isInstanceOf(DomainException.QuotaExceeded.class);
    }

    @Test
    void anotherAccountCannotReadTheLayout() {
        String layoutId = create("Main", content());

        assertThatThrownBy(() -> app.layoutService.getLayout(new GetLayout(BOB, domainId, layoutId)))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> app.layoutService.getLayout(new GetLayout(ALICE, domainId, "no-such-layout")))
                .isInstanceOfSatisfying(DomainException.NotFound.class,
                        e -> assertThat(e.resourceType()).isEqualTo("Layout"));
    }
}
