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

/**
 * What every CaseIndex adapter must do (the memory reference and Lucene); each test uses a fresh domain. Writes are
 * visible to searches after {@link CaseIndex#refresh()}, which {@link #search} calls first.
 */
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
        return search(domainId, query).documents().stream().map(CaseDocument::caseId).toList();
    }

    private CaseIndex.Hits search(String domainId, CaseIndex.Query query) {
        caseIndex().refresh();
        return caseIndex().search(domainId, query);
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

    /**
     * Equality compares texts, not instants, even when most cases share the value (Lucene then walks every case and
     * checks each): the same instant written another way, or a text that only starts like it, is not equal; a
     * contains and a text range read the date-times' texts too.
     */
    @Test
    default void equalityOnADateTimeMostCasesShareIsExactText() {
        String domainId = UUID.randomUUID().toString();
        var expected = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            String due = i % 10 == 0 ? "2026-01-01T11:00:00+01:00" : i % 10 == 1 ? "2026-01-01T10:00:00.000Z"
                    : i % 10 == 2 ? "2026-01-01T10:00:00Z and later" : "2026-01-01T10:00:00Z";
            caseIndex().upsert(new CaseDocument(domainId, String.format("c%02d", i), "template-1",
                    Map.of("due", new FieldValue.StringValue(due)), Map.of()));
            if (due.equals("2026-01-01T10:00:00Z")) {
                expected.add(String.format("c%02d", i));
            }
        }
        assertThat(ids(domainId, query(new FieldFilter.Comparison(FieldFilter.Operator.EQUAL_TO, "due",
                new FieldValue.StringValue("2026-01-01T10:00:00Z")), null, CaseSort.DEFAULT, null, 100)))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(domainId, query(new FieldFilter.Comparison(FieldFilter.Operator.EQUAL_TO, "due",
                new FieldValue.StringValue("2026-01-01T10:00:00")), null, CaseSort.DEFAULT, null, 100))).isEmpty();
        assertThat(ids(domainId, query(new FieldFilter.Comparison(FieldFilter.Operator.CONTAINS, "due",
                new FieldValue.StringValue("+01:")), null, CaseSort.DEFAULT, null, 100)))
                .containsExactlyInAnyOrder("c00", "c10", "c20", "c30");
        // "2026-01-01T10:00:00Z and later" is not a date-time: against the bound it compares as text.
        assertThat(ids(domainId, query(new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN, "due",
                new FieldValue.StringValue("2026-01-01T10:00:00Z")), null, CaseSort.DEFAULT, null, 100)))
                .containsExactlyInAnyOrder("c02", "c12", "c22", "c32");
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
        assertThat(search(domainId, query(null, "printer", sortByAmount, null, 1)).totalCount())
                .isEqualTo(2);
    }

    @Test
    default void searchAfterACursorContinuesInOrder() {
        String domainId = seed();
        var sorts = List.of(new CaseSort("amount", false));
        var first = search(domainId, query(null, null, sorts, null, 2)).documents();
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

    private static String uuid(java.util.Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Every page after a cursor, {@code size} at a time, until the end. */
    private List<String> allPages(String domainId, FieldFilter filter, List<CaseSort> sorts, int size) {
        var all = new ArrayList<String>();
        CaseOrdering.Key after = null;
        while (true) {
            var page = search(domainId, query(filter, null, sorts, after, size)).documents();
            page.forEach(d -> all.add(d.caseId()));
            if (page.size() < size) {
                return all;
            }
            after = CaseOrdering.key(page.get(page.size() - 1), sorts);
        }
    }

    @Test
    default void tiesOnALowCardinalityFieldBreakOnTheCaseIdAcrossEveryPage() {
        String domainId = UUID.randomUUID().toString();
        var random = new java.util.Random(7);
        var expected = new ArrayList<CaseDocument>();
        String[] statuses = {"open", "closed", "pending"};
        for (int i = 0; i < 120; i++) {
            var values = new java.util.HashMap<String, FieldValue>();
            values.put("status", new FieldValue.StringValue(statuses[random.nextInt(3)]));
            if (i % 10 != 0) {
                values.put("priority", new FieldValue.DoubleValue(random.nextInt(3)));
            }
            var d = new CaseDocument(domainId, uuid(random), "t", values, Map.of());
            caseIndex().upsert(d);
            expected.add(d);
        }
        for (var sorts : List.of(List.of(new CaseSort("status", true)), List.of(new CaseSort("status", false)),
                List.of(new CaseSort("priority", false), new CaseSort("status", true)))) {
            var order = CaseOrdering.comparator(sorts);
            var want = expected.stream().map(d -> CaseOrdering.key(d, sorts)).sorted(order)
                    .map(CaseOrdering.Key::caseId).toList();
            assertThat(allPages(domainId, null, sorts, 7)).as("sorted by %s", sorts).isEqualTo(want);
        }
    }

    /**
     * totalCount is a function of the matches: exact up to the cap, the cap beyond, whatever the adapter could know
     * for free. The same search, asked again (Lucene's query cache fills on repeated clauses), reports the same.
     */
    @Test
    default void aCountBeyondTheCapIsTheCapEveryTime() {
        String domainId = UUID.randomUUID().toString();
        var documents = new ArrayList<CaseDocument>();
        int cases = (int) CaseIndex.COUNT_CAP + 500;
        for (int i = 0; i < cases; i++) {
            documents.add(doc(domainId, "case-" + i, "Printer " + i, i, "2026-01-01T10:00:00Z", Map.of()));
        }
        caseIndex().upsertAll(documents);
        var sorts = List.of(new CaseSort("amount", true));
        var over = List.of(
                query(null, null, CaseSort.DEFAULT, null, 5),
                query(null, "printer", CaseSort.DEFAULT, null, 5),
                query(new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN_OR_EQUAL_TO, "amount",
                        new FieldValue.DoubleValue(100)), null, sorts, null, 5));
        var under = query(new FieldFilter.Comparison(FieldFilter.Operator.LESS_THAN, "amount",
                new FieldValue.DoubleValue(9_999)), null, sorts, null, 5);
        for (int round = 0; round < 6; round++) {
            for (var q : over) {
                assertThat(search(domainId, q).totalCount()).as("round %d: %s", round, q)
                        .isEqualTo(CaseIndex.COUNT_CAP);
            }
            assertThat(search(domainId, under).totalCount()).as("round %d, under the cap", round).isEqualTo(9_999);
        }
    }

    @Test
    default void aDeepCursorWalksEveryMatchOnceInOrder() {
        String domainId = UUID.randomUUID().toString();
        var random = new java.util.Random(11);
        var expected = new ArrayList<CaseDocument>();
        for (int i = 0; i < 1_000; i++) {
            var d = doc(domainId, uuid(random), "Case " + i, random.nextInt(5), "2026-01-01T10:00:00Z", Map.of());
            caseIndex().upsert(d);
            expected.add(d);
        }
        var sorts = List.of(new CaseSort("amount", true));
        var filter = new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN, "amount",
                new FieldValue.DoubleValue(0));
        var want = expected.stream().filter(d -> filter.test(d.values(), d.tags()))
                .map(d -> CaseOrdering.key(d, sorts)).sorted(CaseOrdering.comparator(sorts))
                .map(CaseOrdering.Key::caseId).toList();
        assertThat(allPages(domainId, filter, sorts, 25)).isEqualTo(want);
    }

    @Test
    default void textsThatShareAPrefixSortAsText() {
        String domainId = UUID.randomUUID().toString();
        var random = new java.util.Random(3);
        var docs = new ArrayList<CaseDocument>();
        for (String title : List.of("ab", "ab\u0000", "abcdefg", "abcdefgh", "abcdefgi", "abcdefg\u0000x", "abcdefga",
                "b", "", "abcdefgh")) {
            var d = new CaseDocument(domainId, uuid(random), "t", Map.of("title", new FieldValue.StringValue(title)),
                    Map.of());
            caseIndex().upsert(d);
            docs.add(d);
        }
        for (boolean ascending : List.of(true, false)) {
            var sorts = List.of(new CaseSort("title", ascending));
            var want = docs.stream().map(d -> CaseOrdering.key(d, sorts)).sorted(CaseOrdering.comparator(sorts))
                    .map(CaseOrdering.Key::caseId).toList();
            assertThat(allPages(domainId, null, sorts, 3)).isEqualTo(want);
        }
    }

    @Test
    default void writesFromManyThreadsAllArriveAndRemovesWin() throws Exception {
        String domainId = UUID.randomUUID().toString();
        int threads = 4;
        int each = 150;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String id = "t" + thread + "-" + i;
                        caseIndex().upsert(doc(domainId, id, "Case " + id, i, "2026-01-01T10:00:00Z", Map.of()));
                        if (i % 3 == 0) {
                            caseIndex().remove(domainId, id);
                        }
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        var sorts = List.of(new CaseSort("amount", true));
        var found = allPages(domainId, null, sorts, 100);
        assertThat(found).hasSize(threads * (each - each / 3)).doesNotHaveDuplicates();
        assertThat(found).noneMatch(id -> Integer.parseInt(id.substring(id.indexOf('-') + 1)) % 3 == 0);
    }

    /**
     * Cases written in several batches (an index may keep each batch apart, as Lucene keeps segments), then updated
     * and removed across batches: every page of every order, filtered densely, sparsely or not at all, walks the
     * matches once in CaseOrdering's order, cases without a value last in both directions, with the exact total.
     */
    @Test
    default void ordersAcrossBatchesUpdatesAndRemovesMatchCaseOrdering() {
        String domainId = UUID.randomUUID().toString();
        var random = new java.util.Random(23);
        var live = new java.util.LinkedHashMap<String, CaseDocument>();
        String[] statuses = {"open", "closed"};
        java.util.function.Function<String, CaseDocument> make = id -> {
            var values = new java.util.HashMap<String, FieldValue>();
            if (random.nextInt(5) > 0) {
                values.put("priority", new FieldValue.DoubleValue(random.nextInt(3)));
            }
            if (random.nextInt(10) > 0) {
                values.put("status", new FieldValue.StringValue(statuses[random.nextInt(2)]));
            }
            values.put("amount", new FieldValue.DoubleValue(random.nextInt(10)));
            if (random.nextInt(60) == 0) {
                values.put("title", new FieldValue.StringValue("rare"));
            }
            return new CaseDocument(domainId, id, "t", values, Map.of());
        };
        for (int batch = 0; batch < 6; batch++) {
            for (int i = 0; i < 100; i++) {
                var d = make.apply(uuid(random));
                caseIndex().upsert(d);
                live.put(d.caseId(), d);
            }
            caseIndex().refresh();
        }
        var ids = new ArrayList<>(live.keySet());
        for (int i = 0; i < 120; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            if (i % 3 == 0) {
                caseIndex().remove(domainId, id);
                live.remove(id);
            } else {
                var d = make.apply(id);
                caseIndex().upsert(d);
                live.put(id, d);
            }
            if (i % 40 == 39) {
                caseIndex().refresh();
            }
        }
        var filters = new ArrayList<FieldFilter>();
        filters.add(null);
        filters.add(new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN, "amount",
                new FieldValue.DoubleValue(1)));
        filters.add(new FieldFilter.Comparison(FieldFilter.Operator.EQUAL_TO, "title",
                new FieldValue.StringValue("rare")));
        for (var sorts : List.of(List.of(new CaseSort("priority", true)), List.of(new CaseSort("priority", false)),
                List.of(new CaseSort("status", false), new CaseSort("priority", true)),
                List.of(new CaseSort("amount", true), new CaseSort("status", false)))) {
            for (FieldFilter filter : filters) {
                var want = live.values().stream().filter(d -> filter == null || filter.test(d.values(), d.tags()))
                        .map(d -> CaseOrdering.key(d, sorts)).sorted(CaseOrdering.comparator(sorts))
                        .map(CaseOrdering.Key::caseId).toList();
                for (int size : List.of(1, 9, 1_000)) {
                    if (size == 1 && want.size() > 100) {
                        continue;
                    }
                    assertThat(allPages(domainId, filter, sorts, size)).as("%s %s by %d", sorts, filter, size)
                            .isEqualTo(want);
                }
                assertThat(search(domainId, query(filter, null, sorts, null, 5)).totalCount())
                        .as("total of %s %s", sorts, filter).isEqualTo(want.size());
            }
        }
    }

    /**
     * Searching as if some cases were not in the index (the ones a search takes from the indexer's queue): across
     * segments, with cases that match, that do not and that the index never held, every page of every shape walks
     * the other matches once in order, and the total leaves out exactly the matching ones.
     */
    @Test
    default void searchExcludingLeavesCasesOutOfPagesAndTotals() {
        String domainId = UUID.randomUUID().toString();
        var random = new java.util.Random(31);
        var all = new ArrayList<CaseDocument>();
        for (int batch = 0; batch < 3; batch++) {
            for (int i = 0; i < 40; i++) {
                int n = batch * 40 + i;
                var d = doc(domainId, uuid(random), n % 2 == 0 ? "printer " + n : "laptop " + n, n % 4,
                        String.format("2026-01-01T10:%02d:%02dZ", n / 60, n % 60), Map.of());
                caseIndex().upsert(d);
                all.add(d);
            }
            caseIndex().refresh();
        }
        var excluded = new java.util.HashSet<String>();
        for (int n = 0; n < all.size(); n += 7) {
            excluded.add(all.get(n).caseId());
        }
        excluded.add("never-indexed");
        var filter = new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN, "amount",
                new FieldValue.DoubleValue(1));
        for (var sorts : List.of(CaseSort.DEFAULT, List.of(new CaseSort("amount", true)),
                List.of(new CaseSort("amount", false), new CaseSort("title", true)))) {
            for (FieldFilter f : java.util.Arrays.asList(null, filter)) {
                for (String term : java.util.Arrays.asList(null, "printer")) {
                    var want = all.stream().filter(d -> !excluded.contains(d.caseId()))
                            .filter(d -> f == null || f.test(d.values(), d.tags()))
                            .filter(d -> term == null || SearchTerms.matches(d, SearchTerms.words(term)))
                            .map(d -> CaseOrdering.key(d, sorts)).sorted(CaseOrdering.comparator(sorts))
                            .map(CaseOrdering.Key::caseId).toList();
                    for (int size : List.of(1, 7, 200)) {
                        var walked = new ArrayList<String>();
                        CaseOrdering.Key after = null;
                        while (true) {
                            CaseIndex.Hits hits = caseIndex().searchExcluding(domainId,
                                    query(f, term, sorts, after, size), excluded);
                            assertThat(hits.totalCount()).as("total of %s %s %s", sorts, f, term)
                                    .isEqualTo(want.size());
                            hits.documents().forEach(d -> walked.add(d.caseId()));
                            if (hits.documents().size() < size) {
                                break;
                            }
                            after = CaseOrdering.key(hits.documents().get(size - 1), sorts);
                        }
                        assertThat(walked).as("%s %s %s by %d", sorts, f, term, size).isEqualTo(want);
                    }
                }
            }
        }
    }
}
