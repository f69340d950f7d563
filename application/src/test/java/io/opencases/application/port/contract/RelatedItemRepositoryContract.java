package io.opencases.application.port.contract;

import io.opencases.application.port.RelatedItemRepository;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.CustomValue;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every RelatedItemRepository adapter must do; each test works in fresh domains of its own. */
public interface RelatedItemRepositoryContract {

    RelatedItemRepository relatedItemRepository();

    default String newDomainId() {
        return UUID.randomUUID().toString();
    }

    Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    private static RelatedItem item(String domainId, String caseId, String id, Instant at, RelatedItemContent content) {
        return new RelatedItem(domainId, caseId, id, content, at, new CaseUser.CustomEntity("job"),
                new CaseUser.UserArn("arn:aws:connect:::agent/a"));
    }

    private static RelatedItemContent contact(String arn) {
        return new RelatedItemContent.Contact(arn, "UNKNOWN", T0);
    }

    @Test
    default void everyContentTypeRoundTrips() {
        String domainId = newDomainId();
        List<RelatedItemContent> contents = List.of(new RelatedItemContent.Comment("hello", "Text/Plain"),
                contact("arn:contact"), new RelatedItemContent.File("arn:file"),
                new RelatedItemContent.ConnectCase("other-case"),
                new RelatedItemContent.Custom(List.of(new CustomValue("f1", new FieldValue.DoubleValue(2.5)),
                        new CustomValue("f2", FieldValue.EMPTY))),
                new RelatedItemContent.Sla("resolve", "status", List.of(new FieldValue.StringValue("closed")),
                        T0.plusSeconds(60), null),
                new RelatedItemContent.Sla("done", "status", List.of(new FieldValue.StringValue("closed")),
                        T0.plusSeconds(60), T0.plusSeconds(30)));
        for (int i = 0; i < contents.size(); i++) {
            RelatedItem item = item(domainId, "case-1", "item-" + i, T0.plusSeconds(i), contents.get(i));
            relatedItemRepository().save(item);
            assertThat(relatedItemRepository().find(domainId, "case-1", "item-" + i)).contains(item);
        }
        assertThat(relatedItemRepository().find(domainId, "case-2", "item-0")).isEmpty();
    }

    @Test
    default void listForCaseIsInAssociationOrderThenId() {
        String domainId = newDomainId();
        RelatedItem late = item(domainId, "case-1", "a", T0.plusSeconds(10), contact("x"));
        RelatedItem tieB = item(domainId, "case-1", "c", T0, contact("x"));
        RelatedItem tieA = item(domainId, "case-1", "b", T0, contact("x"));
        relatedItemRepository().save(late);
        relatedItemRepository().save(tieB);
        relatedItemRepository().save(tieA);
        relatedItemRepository().save(item(domainId, "case-2", "z", T0, contact("x")));

        assertThat(relatedItemRepository().listForCase(domainId, "case-1")).containsExactly(tieA, tieB, late);
    }

    @Test
    default void saveReplacesAndDeleteRemoves() {
        String domainId = newDomainId();
        RelatedItem item = item(domainId, "case-1", "a", T0, new RelatedItemContent.Comment("v1", "Text/Plain"));
        relatedItemRepository().save(item);
        RelatedItem updated = item.withContent(new RelatedItemContent.Comment("v2", "Text/Plain"), null);

        relatedItemRepository().save(updated);
        assertThat(relatedItemRepository().listForCase(domainId, "case-1")).containsExactly(updated);

        relatedItemRepository().delete(domainId, "case-1", "a");
        assertThat(relatedItemRepository().find(domainId, "case-1", "a")).isEmpty();
    }

    @Test
    default void deleteCaseAndDeleteAllInDomain() {
        String domainId = newDomainId();
        String otherDomainId = newDomainId();
        relatedItemRepository().save(item(domainId, "case-1", "a", T0, contact("x")));
        RelatedItem kept = item(domainId, "case-2", "b", T0, contact("x"));
        relatedItemRepository().save(kept);
        RelatedItem elsewhere = item(otherDomainId, "case-1", "c", T0, contact("x"));
        relatedItemRepository().save(elsewhere);

        relatedItemRepository().deleteCase(domainId, "case-1");
        assertThat(relatedItemRepository().listForCase(domainId, "case-1")).isEmpty();
        assertThat(relatedItemRepository().listForCase(domainId, "case-2")).containsExactly(kept);

        relatedItemRepository().deleteAllInDomain(domainId);
        assertThat(relatedItemRepository().listForCase(domainId, "case-2")).isEmpty();
        assertThat(relatedItemRepository().listForCase(otherDomainId, "case-1")).containsExactly(elsewhere);
    }

    @Test
    default void casesWithAContactAreListedOnceInIdOrder() {
        String domainId = newDomainId();
        relatedItemRepository().save(item(domainId, "case-c", "1", T0, contact("arn:contact")));
        relatedItemRepository().save(item(domainId, "case-a", "2", T0, contact("arn:contact")));
        relatedItemRepository().save(item(domainId, "case-a", "3", T0, contact("arn:contact")));
        relatedItemRepository().save(item(domainId, "case-b", "4", T0, contact("arn:other")));
        relatedItemRepository().save(item(domainId, "case-d", "5", T0, new RelatedItemContent.File("arn:contact")));

        assertThat(relatedItemRepository().caseIdsWithContact(domainId, "arn:contact", null, 10))
                .containsExactly("case-a", "case-c");
        assertThat(relatedItemRepository().caseIdsWithContact(domainId, "arn:contact", "case-a", 10))
                .containsExactly("case-c");
        assertThat(relatedItemRepository().caseIdsWithContact(domainId, "arn:contact", null, 1))
                .containsExactly("case-a");
        assertThat(relatedItemRepository().caseIdsWithContact(newDomainId(), "arn:contact", null, 10)).isEmpty();
    }

    @Test
    default void listForDomainReturnsItemsOfEveryCaseOfThatDomainOnly() {
        String domainId = newDomainId();
        RelatedItem a = item(domainId, "case-1", "a", T0, contact("x"));
        RelatedItem b = item(domainId, "case-2", "b", T0, contact("x"));
        relatedItemRepository().save(a);
        relatedItemRepository().save(b);
        relatedItemRepository().save(item(newDomainId(), "case-1", "c", T0, contact("x")));

        assertThat(relatedItemRepository().listForDomain(domainId)).containsExactlyInAnyOrder(a, b);
    }
}
