package io.opencases.application.port.contract;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.FieldFilter;
import io.opencases.domain.search.SearchTerms;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every CaseIndex adapter must do (memory reference now, Lucene next); each test uses a fresh domain. */
public interface CaseIndexContract {

    CaseIndex caseIndex();

    private static CaseDocument doc(String domainId, String caseId, String title, double amount, String updated,
                                    Map<String, String> tags) {
        return new CaseDocument(domainId, caseId, "template-1", Map.of(
                "title", new FieldValue.StringValue(title),
                "amount", new FieldValue.DoubleValue(amount),
                "last_updated_datetime", new FieldValue.StringValue(updated)), tags);
    }

    private static CaseIndex.Query query(FieldFilter filter, String term, List<CaseSort> sorts,
                                         CaseOrdering.Key after, int limit) {
        return new CaseIndex.Query(filter, term == null ? List.of() : SearchTerms.words(term), sorts, after, limit);
    }

    private List<String> ids(String domainId, CaseIndex.Query query) {
        return caseIndex().search(domainId, query).documents().stream().map(CaseDocument::caseId).toList();
    }

    private String seed() {
        String domainId = UUID.randomUUID().toString();
        caseIndex().upsert(doc(domainId, "c1", "Printer on fire", 100, "2026-01-01T10:00:00Z", Map.of()));
        caseIndex().upsert(doc(domainId, "c2", "Printer jammed", 20, "2026-01-01T10:00:00.500Z", Map.of("vip", "y")));
        caseIndex().upsert(doc(domainId, "c3", "Laptop cracked", 350, "2026-01-01T09:00:00Z", Map.of()));
        return domainId;
    }

    @Test
    default void defaultOrderIsNewestUpdateFirstComparingInstantsNotText() {
        String domainId = seed();
        assertThat(ids(domainId, query(null, null, CaseSort.DEFAULT, null, 10))).containsExactly("c2", "c1", "c3");
    }

    @Test
    default void filtersTermsAndTags() {
        String domainId = seed();
        var sortByAmount = List.of(new CaseSort("amount", true));
        assertThat(ids(domainId, query(new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN, "amount",
                new FieldValue.DoubleValue(50)), null, sortByAmount, null, 10))).containsExactly("c1", "c3");
        assertThat(ids(domainId, query(null, "print", sortByAmount, null, 10))).containsExactly("c2", "c1");
        assertThat(ids(domainId, query(new FieldFilter.TagEqualTo("vip", "y"), null, sortByAmount, null, 10)))
                .containsExactly("c2");
        assertThat(caseIndex().search(domainId, query(null, "printer", sortByAmount, null, 1)).totalCount())
                .isEqualTo(2);
    }

    @Test
    default void searchAfterACursorContinuesInOrder() {
        String domainId = seed();
        var sorts = List.of(new CaseSort("amount", false));
        var first = caseIndex().search(domainId, query(null, null, sorts, null, 2)).documents();
        var cursor = CaseOrdering.key(first.get(1), sorts);
        var rest = ids(domainId, query(null, null, sorts, cursor, 10));

        var all = new ArrayList<>(first.stream().map(CaseDocument::caseId).toList());
        all.addAll(rest);
        assertThat(all).containsExactly("c3", "c1", "c2");
    }

    @Test
    default void upsertReplacesAndRemoveForgets() {
        String domainId = seed();
        caseIndex().upsert(doc(domainId, "c1", "Scanner", 1, "2026-01-02T00:00:00Z", Map.of()));
        assertThat(ids(domainId, query(null, "printer", CaseSort.DEFAULT, null, 10))).containsExactly("c2");

        caseIndex().remove(domainId, "c2");
        assertThat(ids(domainId, query(null, null, CaseSort.DEFAULT, null, 10))).containsExactly("c1", "c3");

        caseIndex().removeDomain(domainId);
        assertThat(ids(domainId, query(null, null, CaseSort.DEFAULT, null, 10))).isEmpty();
    }

    @Test
    default void domainsAreSeparate() {
        String domainId = seed();
        assertThat(ids(UUID.randomUUID().toString(), query(null, null, CaseSort.DEFAULT, null, 10))).isEmpty();
        assertThat(ids(domainId, query(null, null, CaseSort.DEFAULT, null, 10))).hasSize(3);
    }
}
