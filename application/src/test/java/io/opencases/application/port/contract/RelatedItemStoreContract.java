package io.opencases.application.port.contract;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.RelatedItemStore;
import io.opencases.application.port.RelatedItemStore.ItemChange;
import io.opencases.application.port.TagRepository;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every RelatedItemStore must do: read what the related-item use cases check a change against, and store a
 * change (the item saved or removed with its tags, the SLA items and case that follow, the audit event). The
 * repositories set up domains and look behind the store.
 */
public interface RelatedItemStoreContract extends StoreRepositories.Seeded {
    Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    String ACCOUNT = "111111111111";
    CaseUser JOB = new CaseUser.CustomEntity("job");

    RelatedItemStore relatedItemStore();

    private static RelatedItem item(String domainId, String caseId, String id, Instant at,
                                    RelatedItemContent content) {
        return new RelatedItem(domainId, caseId, id, content, at, JOB, JOB);
    }

    private static String arn(String domainId, String caseId, String itemId) {
        return "arn:aws:cases:us-east-1:" + ACCOUNT + ":domain/" + domainId + "/case/" + caseId + "/related-item/"
                + itemId;
    }

    private static AuditEvent audit(RelatedItem item, AuditEventType type) {
        return new AuditEvent(UUID.randomUUID().toString(), item.domainId(), item.caseId(), type, item.type().name(),
                T0, List.of(new AuditEvent.Change("relatedItemId", null,
                new FieldValue.StringValue(item.relatedItemId()))), JOB, "arn:aws:iam::111111111111:root");
    }

    @Test
    default void readsTheDomainInItsAccountTheCaseItsItemsFieldsAndTags() {
        String domainId = newDomain(ACCOUNT, T0);
        Case aCase = newCase(domainId, "case-1", T0);
        newCase(domainId, "case-2", T0);
        var later = item(domainId, "case-1", "a", T0.plusSeconds(5), new RelatedItemContent.Comment("b", "Text/Plain"));
        var earlier = item(domainId, "case-1", "z", T0,
                new RelatedItemContent.Contact("arn:contact", RelatedItemContent.Contact.UNKNOWN_CHANNEL, T0));
        repositories().relatedItems().save(later);
        repositories().relatedItems().save(earlier);
        repositories().relatedItems().save(item(domainId, "case-2", "c", T0,
                new RelatedItemContent.Contact("arn:contact", RelatedItemContent.Contact.UNKNOWN_CHANNEL, T0)));
        repositories().fields().save(Field.custom(domainId, "tier", "Tier", null, FieldType.SingleSelect, null, T0));
        repositories().fields().save(Field.custom(domainId, "gone", "Gone", null, FieldType.Text, null, T0).delete(T0));
        repositories().fields().saveOptions(domainId, "tier", List.of(new FieldOption("Gold", "gold", true),
                new FieldOption("Silver", "silver", true)));
        repositories().tags().put(arn(domainId, "case-1", "a"), Map.of("team", "blue"));
        var store = relatedItemStore();

        assertThat(store.domain(ACCOUNT, domainId)).hasValueSatisfying(d -> assertThat(d.domainId())
                .isEqualTo(domainId));
        assertThat(store.domain("222222222222", domainId)).isEmpty();
        assertThat(store.findCase(domainId, "case-1")).contains(aCase);
        assertThat(store.findCase(domainId, "case-9")).isEmpty();
        assertThat(store.items(domainId, "case-1")).containsExactly(earlier, later);
        assertThat(store.item(domainId, "case-1", "a")).contains(later);
        assertThat(store.item(domainId, "case-2", "a")).isEmpty();
        assertThat(store.fields(domainId, List.of("tier", "gone", "missing"))).extracting(Field::fieldId)
                .containsExactlyInAnyOrder("tier", "gone");
        assertThat(store.options(domainId, "tier")).extracting(FieldOption::value).containsExactly("gold", "silver");
        assertThat(store.tags(arn(domainId, "case-1", "a"))).isEqualTo(Map.of("team", "blue"));
        assertThat(store.tags(arn(domainId, "case-1", "z"))).isEmpty();
        assertThat(store.caseIdsWithContact(domainId, "arn:contact", null, 10)).containsExactly("case-1", "case-2");
        assertThat(store.caseIdsWithContact(domainId, "arn:contact", "case-1", 10)).containsExactly("case-2");
    }

    @Test
    default void aSavedItemIsStoredWithTheSlaItemsAndCaseThatFollowAndItsAuditEvent() {
        String domainId = newDomain(ACCOUNT, T0);
        Case aCase = newCase(domainId, "case-1", T0);
        var sla = item(domainId, "case-1", "sla", T0, new RelatedItemContent.Sla("resolve", "status",
                List.of(new FieldValue.StringValue("closed")), T0.plusSeconds(3600), null));
        repositories().relatedItems().save(sla);
        var comment = item(domainId, "case-1", "comment", T0.plusSeconds(1),
                new RelatedItemContent.Comment("hello", "Text/Plain"));
        var observed = sla.withContent(new RelatedItemContent.Sla("resolve", "status",
                List.of(new FieldValue.StringValue("closed")), T0.plusSeconds(3600), T0.plusSeconds(1)), JOB);
        Case withSla = aCase.withValues(Map.of("status", new FieldValue.StringValue("open"),
                "next_sla_breach_datetime", new FieldValue.StringValue("2026-01-02T04:04:05.678Z")));
        AuditEvent event = audit(comment, AuditEventType.RELATED_ITEM_CREATED);

        relatedItemStore().store(ItemChange.saving(comment, List.of(observed), withSla, event));

        assertThat(repositories().relatedItems().listForCase(domainId, "case-1")).containsExactly(observed, comment);
        assertThat(repositories().cases().find(domainId, "case-1")).contains(withSla);
        assertThat(repositories().auditLog().events(domainId, "case-1", 0, 10)).containsExactly(event);
    }

    @Test
    default void aRemovedItemTakesTheTagsOnItsArnAndLeavesAnUnchangedCaseAlone() {
        String domainId = newDomain(ACCOUNT, T0);
        Case aCase = newCase(domainId, "case-1", T0);
        var doomed = item(domainId, "case-1", "a", T0, new RelatedItemContent.Comment("bye", "Text/Plain"));
        var kept = item(domainId, "case-1", "b", T0, new RelatedItemContent.Comment("stay", "Text/Plain"));
        repositories().relatedItems().save(doomed);
        repositories().relatedItems().save(kept);
        repositories().tags().put(arn(domainId, "case-1", "a"), Map.of("team", "blue"));
        repositories().tags().put(arn(domainId, "case-1", "b"), Map.of("team", "red"));
        AuditEvent event = audit(doomed, AuditEventType.RELATED_ITEM_DELETED);

        relatedItemStore().store(ItemChange.removing(doomed, arn(domainId, "case-1", "a"), List.of(), null, event));

        assertThat(repositories().relatedItems().listForCase(domainId, "case-1")).containsExactly(kept);
        assertThat(repositories().tags().tags(arn(domainId, "case-1", "a"))).isEmpty();
        assertThat(repositories().tags().tags(arn(domainId, "case-1", "b"))).isEqualTo(Map.of("team", "red"));
        assertThat(repositories().cases().find(domainId, "case-1")).contains(aCase);
        assertThat(repositories().auditLog().events(domainId, "case-1", 0, 10)).containsExactly(event);
    }
}
