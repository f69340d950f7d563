package io.opencases.lucene;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.FieldFilter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precomputed-order pages on each of their paths, against CaseOrdering: two domains in one index (so the domain
 * is a clause of the query), several segments with rewrites and removes, and filters that match every case, most
 * cases (checked as a bit set while the order is walked) and a handful (each match placed by its rank); keys kept
 * beside the order and keys read from the doc values (texts that need their tie-breaker).
 */
class SortedPagesTest {
    private static final String DOMAIN = "a";

    @Test
    void everyPathWalksTheMatchesInCaseOrderingsOrder() throws Exception {
        var random = new Random(5);
        var live = new LinkedHashMap<String, CaseDocument>();
        try (var index = new LuceneCaseIndex()) {
            for (int batch = 0; batch < 5; batch++) {
                for (int i = 0; i < 500; i++) {
                    var d = document(random, DOMAIN, uuid(random), live.size() < 4);
                    index.upsert(d);
                    live.put(d.caseId(), d);
                    index.upsert(document(random, "b", uuid(random), false));
                }
                index.refresh();
            }
            var ids = new ArrayList<>(live.keySet());
            for (int i = 0; i < 300; i++) {
                String id = ids.get(4 + random.nextInt(ids.size() - 4));
                if (!live.containsKey(id)) {
                    continue;
                }
                if (i % 3 == 0) {
                    index.remove(DOMAIN, id);
                    live.remove(id);
                } else {
                    var d = document(random, DOMAIN, id, false);
                    index.upsert(d);
                    live.put(id, d);
                }
            }
            index.refresh();

            var needle = new FieldFilter.Comparison(FieldFilter.Operator.EQUAL_TO, "title",
                    new FieldValue.StringValue("needle"));
            var most = new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN_OR_EQUAL_TO, "amount",
                    new FieldValue.DoubleValue(2));
            var filters = new ArrayList<FieldFilter>();
            filters.add(null);
            filters.add(needle);
            filters.add(most);
            for (var sorts : List.of(List.of(new CaseSort("priority", true)), List.of(new CaseSort("priority", false)),
                    List.of(new CaseSort("status", false), new CaseSort("amount", true)),
                    // Texts longer than the sort key's seven units: their keys are read from the doc values.
                    List.of(new CaseSort("category", true), new CaseSort("priority", false)))) {
                for (FieldFilter filter : filters) {
                    var want = live.values().stream()
                            .filter(d -> filter == null || filter.test(d.values(), d.tags()))
                            .map(d -> CaseOrdering.key(d, sorts)).sorted(CaseOrdering.comparator(sorts))
                            .map(CaseOrdering.Key::caseId).toList();
                    if (filter == needle) {
                        assertThat(want).hasSize(4);
                    }
                    for (int size : List.of(3, 50)) {
                        var got = new ArrayList<String>();
                        CaseOrdering.Key after = null;
                        while (true) {
                            var hits = index.search(DOMAIN, new CaseIndex.Query(filter, List.of(), sorts, after,
                                    size));
                            assertThat(hits.totalCount()).as("total %s %s", sorts, filter).isEqualTo(want.size());
                            hits.documents().forEach(d -> got.add(d.caseId()));
                            if (hits.documents().size() < size) {
                                break;
                            }
                            after = CaseOrdering.key(hits.documents().get(size - 1), sorts);
                        }
                        assertThat(got).as("%s %s by %d", sorts, filter, size).isEqualTo(want);
                    }
                }
            }
        }
    }

    /**
     * A dense filter's matches in a large segment are kept between searches: repeating the search, then removing
     * and rewriting cases of that segment, still gives exactly CaseOrdering's pages and totals.
     */
    @Test
    void keptMatchesOfALargeSegmentStillHonourRemovesAndRewrites() throws Exception {
        var random = new Random(9);
        var live = new LinkedHashMap<String, CaseDocument>();
        try (var index = new LuceneCaseIndex()) {
            var batch = new ArrayList<CaseDocument>();
            for (int i = 0; i < 12_000; i++) {
                var d = document(random, DOMAIN, uuid(random), false);
                batch.add(d);
                live.put(d.caseId(), d);
            }
            index.addNew(batch);
            index.refresh();
            var most = new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN_OR_EQUAL_TO, "amount",
                    new FieldValue.DoubleValue(3));
            var sorts = List.of(new CaseSort("priority", false));
            for (int round = 0; round < 3; round++) {
                for (int repeat = 0; repeat < 2; repeat++) {
                    var want = live.values().stream().filter(d -> most.test(d.values(), d.tags()))
                            .map(d -> CaseOrdering.key(d, sorts)).sorted(CaseOrdering.comparator(sorts))
                            .map(CaseOrdering.Key::caseId).limit(60).toList();
                    long wantTotal = live.values().stream().filter(d -> most.test(d.values(), d.tags())).count();
                    var got = new ArrayList<String>();
                    CaseOrdering.Key after = null;
                    long total = -1;
                    while (got.size() < 60) {
                        var hits = index.search(DOMAIN, new CaseIndex.Query(most, List.of(), sorts, after, 20));
                        total = hits.totalCount();
                        hits.documents().forEach(d -> got.add(d.caseId()));
                        after = CaseOrdering.key(hits.documents().get(hits.documents().size() - 1), sorts);
                    }
                    assertThat(got).as("round %d", round).isEqualTo(want);
                    assertThat(total).as("round %d total", round)
                            .isEqualTo(Math.min(wantTotal, LuceneCaseIndex.COUNT_CAP));
                }
                // Remove and rewrite cases that the kept matches hold, among the first of the order.
                var first = live.values().stream().filter(d -> most.test(d.values(), d.tags()))
                        .map(d -> CaseOrdering.key(d, sorts)).sorted(CaseOrdering.comparator(sorts))
                        .map(CaseOrdering.Key::caseId).limit(30).toList();
                for (int i = 0; i < first.size(); i++) {
                    String id = first.get(i);
                    if (i % 2 == 0) {
                        index.remove(DOMAIN, id);
                        live.remove(id);
                    } else {
                        var d = document(random, DOMAIN, id, false);
                        index.upsert(d);
                        live.put(id, d);
                    }
                }
                index.refresh();
            }
        }
    }

    /**
     * A segment larger than the ones that keep all their keys keeps only the keys of its first positions: pages
     * that cross from those into the rest (cursor found by binary search over kept and read keys, candidates
     * merged with a small segment's) still follow CaseOrdering.
     */
    @Test
    void pagesCrossFromALargeSegmentsKeptKeysIntoItsDocValues() throws Exception {
        var random = new Random(11);
        var live = new LinkedHashMap<String, CaseDocument>();
        try (var index = new LuceneCaseIndex()) {
            for (int size : List.of(25_000, 3_000)) {
                var batch = new ArrayList<CaseDocument>();
                for (int i = 0; i < size; i++) {
                    var d = document(random, DOMAIN, uuid(random), false);
                    batch.add(d);
                    live.put(d.caseId(), d);
                }
                index.addNew(batch);
                index.refresh();
            }
            assertThat(index.segmentSizes()).as("a segment too large to keep all its keys").anyMatch(n -> n > 20_000);
            var most = new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN_OR_EQUAL_TO, "amount",
                    new FieldValue.DoubleValue(2));
            var filters = new ArrayList<FieldFilter>();
            filters.add(null);
            filters.add(most);
            for (var sorts : List.of(List.of(new CaseSort("priority", true)),
                    List.of(new CaseSort("status", false), new CaseSort("amount", true)))) {
                for (FieldFilter filter : filters) {
                    var want = live.values().stream()
                            .filter(d -> filter == null || filter.test(d.values(), d.tags()))
                            .map(d -> CaseOrdering.key(d, sorts)).sorted(CaseOrdering.comparator(sorts))
                            .map(CaseOrdering.Key::caseId).limit(3_000).toList();
                    var got = new ArrayList<String>();
                    CaseOrdering.Key after = null;
                    while (got.size() < want.size()) {
                        var hits = index.search(DOMAIN, new CaseIndex.Query(filter, List.of(), sorts, after, 150));
                        hits.documents().forEach(d -> got.add(d.caseId()));
                        after = CaseOrdering.key(hits.documents().get(hits.documents().size() - 1), sorts);
                    }
                    assertThat(got).as("%s %s", sorts, filter).isEqualTo(want);
                }
            }
        }
    }

    private static CaseDocument document(Random random, String domain, String caseId, boolean needle) {
        var values = new HashMap<String, FieldValue>();
        if (random.nextInt(6) > 0) {
            values.put("priority", new FieldValue.DoubleValue(random.nextInt(3)));
        }
        values.put("status", new FieldValue.StringValue(random.nextBoolean() ? "open" : "closed"));
        values.put("amount", new FieldValue.DoubleValue(random.nextInt(10)));
        if (random.nextInt(4) > 0) {
            values.put("category", new FieldValue.StringValue("category-" + (char) ('a' + random.nextInt(3))));
        }
        values.put("title", new FieldValue.StringValue(needle ? "needle" : "hay " + random.nextInt(100)));
        return new CaseDocument(domain, caseId, "t", values, Map.of());
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
