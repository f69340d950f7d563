package io.opencases.application.port.contract;

import io.opencases.application.port.RelatedItemRepository;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.CustomValue;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemFilter;
import io.opencases.domain.relateditem.RelatedItemOrdering;
import io.opencases.domain.relateditem.SlaStatus;
import io.opencases.domain.search.FieldFilter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
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

    // SearchAllRelatedItems: every page of every order and filter is checked against the reference answer (filter
    // every item of the domain, sort by the ordering), walking pages of a few items from each cursor.

    private static RelatedItemOrdering.Sort sort(RelatedItemOrdering.Property property, boolean ascending) {
        return new RelatedItemOrdering.Sort(property, ascending);
    }

    /** Items over five cases with ties in association time, in several cases, of every type. */
    private List<RelatedItem> searchFixture(String domainId) {
        var items = new ArrayList<RelatedItem>();
        List<RelatedItemContent> contents = List.of(new RelatedItemContent.Comment("hi", "Text/Plain"),
                contact("arn:contact-1"), contact("arn:contact-2"), new RelatedItemContent.File("arn:file"),
                new RelatedItemContent.ConnectCase("other-case"),
                new RelatedItemContent.Custom(List.of(new CustomValue("f1", new FieldValue.DoubleValue(1)))),
                new RelatedItemContent.Custom(List.of(new CustomValue("f1", new FieldValue.DoubleValue(7)))),
                new RelatedItemContent.Sla("resolve", "status", List.of(new FieldValue.StringValue("closed")),
                        T0.plusSeconds(3600), null),
                new RelatedItemContent.Sla("resolve", "status", List.of(new FieldValue.StringValue("closed")),
                        T0.minusSeconds(3600), null));
        for (int n = 0; n < 45; n++) {
            String caseId = "case-" + (char) ('a' + (n * 7) % 5);
            // Every third item shares its association time with the one before it.
            Instant at = T0.plusMillis(n - n / 3);
            RelatedItemContent content = contents.get(n % contents.size());
            items.add(item(domainId, caseId, String.format("item-%02d", 44 - n), at, content));
        }
        items.forEach(relatedItemRepository()::save);
        relatedItemRepository().save(item(newDomainId(), "case-a", "elsewhere", T0, contact("arn:contact-1")));
        return items;
    }

    private void assertPagesMatchTheReference(String domainId, List<RelatedItem> all, List<RelatedItemFilter> filters,
                                              RelatedItemOrdering ordering, int pageSize) {
        List<RelatedItem> expected = all.stream().filter(i -> RelatedItemFilter.anyMatch(filters, i, T0))
                .sorted(ordering.itemComparator()).toList();
        var walked = new ArrayList<RelatedItem>();
        RelatedItemOrdering.Key after = null;
        while (true) {
            List<RelatedItem> page = relatedItemRepository().search(domainId,
                    new RelatedItemRepository.Search(filters, ordering, after, pageSize, T0));
            assertThat(page).hasSizeLessThanOrEqualTo(pageSize);
            walked.addAll(page);
            if (page.size() < pageSize) {
                break;
            }
            after = RelatedItemOrdering.Key.of(page.get(page.size() - 1));
        }
        assertThat(walked).as("%s %s", filters, ordering).containsExactlyElementsOf(expected);
    }

    @Test
    default void searchWalksEveryOrderPageByPage() {
        String domainId = newDomainId();
        List<RelatedItem> all = searchFixture(domainId);
        var at = RelatedItemOrdering.Property.AssociationTime;
        var caseId = RelatedItemOrdering.Property.CaseId;
        List<List<RelatedItemOrdering.Sort>> orders = List.of(List.of(), List.of(sort(at, true)),
                List.of(sort(at, false)), List.of(sort(caseId, true)), List.of(sort(caseId, false)),
                List.of(sort(at, false), sort(caseId, true)), List.of(sort(caseId, false), sort(at, false)),
                List.of(sort(caseId, true), sort(at, false)), List.of(sort(at, true), sort(at, false)));
        for (List<RelatedItemOrdering.Sort> sorts : orders) {
            for (int pageSize : new int[] {1, 4, 25}) {
                assertPagesMatchTheReference(domainId, all, List.of(), new RelatedItemOrdering(sorts), pageSize);
            }
        }
    }

    @Test
    default void searchAppliesAnyOfTheFilters() {
        String domainId = newDomainId();
        List<RelatedItem> all = searchFixture(domainId);
        var over5 = new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN, "f1", new FieldValue.DoubleValue(5));
        List<List<RelatedItemFilter>> cases = List.of(
                List.of(new RelatedItemFilter.CommentFilter()),
                List.of(new RelatedItemFilter.ContactFilter(null, "arn:contact-1")),
                List.of(new RelatedItemFilter.ContactFilter(List.of("UNKNOWN"), null)),
                List.of(new RelatedItemFilter.ContactFilter(List.of("VOICE"), null)),
                List.of(new RelatedItemFilter.ContactFilter(null, "arn:contact-2"),
                        new RelatedItemFilter.ContactFilter(null, "arn:contact-1")),
                List.of(new RelatedItemFilter.FileFilter("arn:file"), new RelatedItemFilter.FileFilter("arn:other")),
                List.of(new RelatedItemFilter.ConnectCaseFilter("other-case")),
                List.of(new RelatedItemFilter.CustomFilter(over5)),
                List.of(new RelatedItemFilter.SlaFilter("resolve", SlaStatus.Overdue)),
                List.of(new RelatedItemFilter.SlaFilter(null, SlaStatus.Active), new RelatedItemFilter.CommentFilter()),
                List.of(new RelatedItemFilter.CommentFilter(),
                        new RelatedItemFilter.ContactFilter(null, "arn:contact-2")));
        var orders = List.of(RelatedItemOrdering.DEFAULT, new RelatedItemOrdering(List.of(
                sort(RelatedItemOrdering.Property.CaseId, false))));
        for (List<RelatedItemFilter> filters : cases) {
            for (RelatedItemOrdering ordering : orders) {
                assertPagesMatchTheReference(domainId, all, filters, ordering, 2);
            }
        }
    }

    @Test
    default void searchReadsPastManyRowsThatOnlyTheFilterRejects() {
        String domainId = newDomainId();
        var all = new ArrayList<RelatedItem>();
        for (int n = 0; n < 300; n++) {
            double value = n % 100 == 99 ? 9 : 1;
            all.add(item(domainId, "case-" + n % 3, String.format("item-%03d", n), T0.plusMillis(n),
                    new RelatedItemContent.Custom(List.of(new CustomValue("f1", new FieldValue.DoubleValue(value))))));
        }
        all.forEach(relatedItemRepository()::save);
        var over5 = new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN, "f1", new FieldValue.DoubleValue(5));

        assertPagesMatchTheReference(domainId, all, List.of(new RelatedItemFilter.CustomFilter(over5)),
                RelatedItemOrdering.DEFAULT, 2);
        assertThat(relatedItemRepository().search(domainId, new RelatedItemRepository.Search(
                List.of(new RelatedItemFilter.CustomFilter(over5)), RelatedItemOrdering.DEFAULT, null, 25, T0)))
                .extracting(RelatedItem::relatedItemId).containsExactly("item-099", "item-199", "item-299");
    }

    @Test
    default void searchSeesWritesAndContinuesAfterADeletedCursor() {
        String domainId = newDomainId();
        RelatedItem first = item(domainId, "case-1", "a", T0, new RelatedItemContent.Comment("v1", "Text/Plain"));
        RelatedItem second = item(domainId, "case-2", "b", T0.plusSeconds(1), contact("x"));
        RelatedItem third = item(domainId, "case-1", "c", T0.plusSeconds(2), contact("x"));
        List.of(first, second, third).forEach(relatedItemRepository()::save);
        var comments = List.<RelatedItemFilter>of(new RelatedItemFilter.CommentFilter());

        RelatedItem edited = first.withContent(new RelatedItemContent.Comment("v2", "Text/Plain"), null);
        relatedItemRepository().save(edited);
        assertThat(relatedItemRepository().search(domainId, new RelatedItemRepository.Search(comments,
                RelatedItemOrdering.DEFAULT, null, 25, T0))).containsExactly(edited);

        relatedItemRepository().delete(domainId, "case-2", "b");
        assertThat(relatedItemRepository().search(domainId, new RelatedItemRepository.Search(List.of(),
                RelatedItemOrdering.DEFAULT, RelatedItemOrdering.Key.of(second), 25, T0))).containsExactly(third);
        relatedItemRepository().deleteCase(domainId, "case-1");
        assertThat(relatedItemRepository().search(domainId, new RelatedItemRepository.Search(List.of(),
                RelatedItemOrdering.DEFAULT, null, 25, T0))).isEmpty();
        assertThat(relatedItemRepository().search(newDomainId(), new RelatedItemRepository.Search(List.of(),
                RelatedItemOrdering.DEFAULT, null, 25, T0))).isEmpty();
    }
}
