package io.opencases.bootstrap;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.FieldFilter;
import io.opencases.domain.search.SearchTerms;
import io.opencases.lucene.LuceneCaseIndex;
import io.opencases.memory.MemoryCaseIndex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Randomized equivalence: generated cases and generated queries (filters, terms, sorts, paging) must give exactly
 * the same hits, in the same order, with the same totals, from Lucene and from the reference index.
 */
class LuceneMatchesReferenceTest {
    private static final String DOMAIN = "d";
    private static final int MAX_CASES = 1_200;
    private static final String[] WORDS = {"printer", "print", "laptop", "fire", "Reset", "ÉCRAN", "a-b", "42"};
    /** Low-cardinality fields (ties are the rule) and texts that share long prefixes, besides the mixed ones. */
    private static final String[] FIELDS = {"num", "txt", "dt", "flag", "user", "prio", "status", "long"};
    private static final String[] STATUSES = {"open", "closed"};
    private static final String[] LONG_TEXTS = {"category-a", "category-b", "category", "categor", "category-a\u0000",
            "Category-a", "cat", "categor\u0000", "catégorie", "cat\ud83d\ude00gory", "cat\ue000gory"};

    @Test
    void luceneReturnsExactlyWhatTheReferenceReturns() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            compare(new Random(seed), seed, 250, false, 1, 100, 1, 40);
        }
    }

    /** Many cases, few distinct sort values, small pages: deep cursors through long runs of ties. */
    @Test
    void deepCursorsThroughTiesMatchTheReference() throws Exception {
        compare(new Random(42), 42, 1_000, false, 1, 6, 10, 30);
    }

    /**
     * Cases written in many batches, each made visible before the next (Lucene keeps them as separate segments, each
     * with its own precomputed orders), then some rewritten and removed: pages merge the segments' orders.
     */
    @Test
    void manySegmentsWithRewritesMatchTheReference() throws Exception {
        compare(new Random(11), 11, 1_200, false, 9, 20, 8, 40);
    }

    /** The index written from several threads at once ends the same as the reference written in order. */
    @Test
    void writesFromSeveralThreadsMatchTheReference() throws Exception {
        compare(new Random(7), 7, 400, true, 1, 12, 5, 25);
    }

    private void compare(Random random, long seed, int count, boolean concurrently, int batches, int queries,
                         int minLimit, int maxLimit)
            throws Exception {
        var reference = new MemoryCaseIndex();
        try (var lucene = new LuceneCaseIndex()) {
            var docs = new ArrayList<CaseDocument>();
            for (int i = 0; i < count; i++) {
                CaseDocument doc = document(random, i);
                reference.upsert(doc);
                docs.add(doc);
            }
            if (concurrently) {
                var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
                try {
                    var futures = new ArrayList<java.util.concurrent.Future<?>>();
                    for (int t = 0; t < 4; t++) {
                        int thread = t;
                        futures.add(pool.submit(() -> {
                            for (int i = thread; i < docs.size(); i += 4) {
                                lucene.upsert(docs.get(i));
                            }
                        }));
                    }
                    for (var f : futures) {
                        f.get();
                    }
                } finally {
                    pool.shutdown();
                }
            } else {
                for (int i = 0; i < docs.size(); i++) {
                    lucene.upsert(docs.get(i));
                    if (batches > 1 && i % (docs.size() / batches) == 0) {
                        lucene.refresh();
                    }
                }
            }
            if (batches > 1) {
                // Rewrites land in new segments and delete the old copies from earlier ones.
                for (int i = 0; i < count / 8; i++) {
                    int at = random.nextInt(count);
                    CaseDocument rewritten = document(random, at);
                    rewritten = new CaseDocument(DOMAIN, docs.get(at).caseId(), rewritten.templateId(),
                            rewritten.values(), rewritten.tags());
                    docs.set(at, rewritten);
                    reference.upsert(rewritten);
                    lucene.upsert(rewritten);
                    if (i % 20 == 0) {
                        lucene.refresh();
                    }
                }
            }
            for (int i = 0; i < count / 12; i++) {
                String caseId = docs.get(random.nextInt(count)).caseId();
                reference.remove(DOMAIN, caseId);
                lucene.remove(DOMAIN, caseId);
            }
            lucene.refresh();
            for (int q = 0; q < queries; q++) {
                FieldFilter filter = random.nextInt(4) == 0 ? null : filter(random, 0);
                List<String> terms = random.nextInt(3) == 0
                        ? SearchTerms.words(WORDS[random.nextInt(WORDS.length)].substring(0, 2)) : List.of();
                var sorts = new ArrayList<CaseSort>();
                for (int s = random.nextInt(3); s > 0; s--) {
                    sorts.add(new CaseSort(FIELDS[random.nextInt(FIELDS.length)], random.nextBoolean()));
                }
                List<CaseSort> effective = sorts.isEmpty() ? CaseSort.DEFAULT : sorts;
                int limit = minLimit + random.nextInt(maxLimit - minLimit + 1);
                String context = "seed " + seed + " query " + q + ": " + filter + " " + terms + " " + effective;
                // Lucene is asked for one field's values only; what it returns of that field must match.
                assertThat(pages(lucene, filter, terms, effective, limit, Set.of("txt"))).as(context)
                        .isEqualTo(pages(reference, filter, terms, effective, limit, null));
            }
        }
    }

    /** Every page of the query, walked with the cursor, as "caseId" lists plus the total of each page. */
    private static List<String> pages(CaseIndex index, FieldFilter filter, List<String> terms, List<CaseSort> sorts,
                                      int limit, Set<String> fieldIds) {
        var result = new ArrayList<String>();
        CaseOrdering.Key after = null;
        // Every full page holds at least one case, so a walk longer than the cases is a cursor that stopped moving.
        for (int page = 0; ; page++) {
            assertThat(page).as(index.getClass().getSimpleName() + " pages walked").isLessThanOrEqualTo(MAX_CASES);
            var hits = index.search(DOMAIN, new CaseIndex.Query(filter, terms, sorts, after, limit, fieldIds));
            result.add("total=" + hits.totalCount());
            hits.documents().forEach(d -> result.add(d.caseId() + " txt=" + d.values().get("txt") + " tags="
                    + new java.util.TreeMap<>(d.tags())));
            if (hits.documents().size() < limit) {
                return result;
            }
            after = CaseOrdering.key(hits.documents().get(hits.documents().size() - 1), sorts);
        }
    }

    private static CaseDocument document(Random random, int i) {
        var values = new HashMap<String, FieldValue>();
        if (random.nextInt(5) > 0) {
            values.put("num", new FieldValue.DoubleValue(random.nextInt(20) - 5 + (random.nextBoolean() ? 0.5 : 0)));
        }
        if (random.nextInt(5) > 0) {
            values.put("txt", new FieldValue.StringValue(WORDS[random.nextInt(WORDS.length)] + " "
                    + WORDS[random.nextInt(WORDS.length)]));
        }
        if (random.nextInt(5) > 0) {
            values.put("dt", new FieldValue.StringValue(dateTime(random)));
        }
        if (random.nextInt(3) > 0) {
            values.put("flag", new FieldValue.BooleanValue(random.nextBoolean()));
        }
        if (random.nextInt(3) == 0) {
            values.put("user", new FieldValue.UserArnValue("arn:aws:connect:::agent/" + random.nextInt(5)));
        }
        values.put("last_updated_datetime", new FieldValue.StringValue(dateTime(random)));
        if (random.nextInt(4) > 0) {
            values.put("prio", new FieldValue.DoubleValue(random.nextInt(3)));
        }
        values.put("status", new FieldValue.StringValue(STATUSES[random.nextInt(STATUSES.length)]));
        if (random.nextInt(4) > 0) {
            values.put("long", new FieldValue.StringValue(LONG_TEXTS[random.nextInt(LONG_TEXTS.length)]));
        }
        var tags = new HashMap<String, String>();
        if (random.nextInt(3) == 0) {
            tags.put("team", random.nextBoolean() ? "blue" : "red");
        }
        // Mostly ids like the server's (UUIDs), some of other shapes (their ties break on a hash of the id).
        String caseId = random.nextInt(4) == 0 ? "case-" + i : new java.util.UUID(random.nextLong(), random.nextLong())
                .toString();
        return new CaseDocument(DOMAIN, caseId, "t", values, tags);
    }

    /** Date-times in the formats clients send: with and without fractions, with offsets. */
    private static String dateTime(Random random) {
        int minute = random.nextInt(60);
        return switch (random.nextInt(3)) {
            case 0 -> String.format("2026-01-01T10:%02d:00Z", minute);
            case 1 -> String.format("2026-01-01T10:%02d:00.%03dZ", minute, random.nextInt(1000));
            default -> String.format("2026-01-01T11:%02d:00+01:00", minute);
        };
    }

    private static String part(Random random, String text) {
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(random.nextInt(text.length()));
            case 1 -> text.substring(0, Math.min(7, text.length()));
            case 2 -> text.substring(0, Math.min(7, text.length())) + "\u0000";
            default -> text.toUpperCase(java.util.Locale.ROOT).substring(1, Math.min(9, text.length()));
        };
    }

    private static FieldFilter filter(Random random, int depth) {
        int kind = depth >= 2 ? 0 : random.nextInt(6);
        return switch (kind) {
            case 1 -> new FieldFilter.Not(filter(random, depth + 1));
            case 2 -> new FieldFilter.AndAll(List.of(filter(random, depth + 1), filter(random, depth + 1)));
            case 3 -> new FieldFilter.OrAll(random.nextInt(5) == 0 ? List.of()
                    : List.of(filter(random, depth + 1), filter(random, depth + 1)));
            case 4 -> new FieldFilter.TagEqualTo(random.nextBoolean() ? "team" : null,
                    random.nextBoolean() ? "blue" : null);
            default -> comparison(random);
        };
    }

    private static FieldFilter comparison(Random random) {
        var operator = FieldFilter.Operator.values()[random.nextInt(FieldFilter.Operator.values().length)];
        String field = FIELDS[random.nextInt(FIELDS.length)];
        FieldValue value = switch (random.nextInt(10)) {
            case 0 -> new FieldValue.DoubleValue(random.nextInt(20) - 5);
            case 1 -> new FieldValue.StringValue(WORDS[random.nextInt(WORDS.length)]);
            case 2 -> new FieldValue.StringValue(dateTime(random));
            case 3 -> new FieldValue.BooleanValue(random.nextBoolean());
            case 4 -> FieldValue.EMPTY;
            // Texts that cases hold, whole: equality must find them; ranges start exactly on them.
            case 5 -> new FieldValue.StringValue(WORDS[random.nextInt(WORDS.length)] + " "
                    + WORDS[random.nextInt(WORDS.length)]);
            case 6 -> new FieldValue.StringValue(LONG_TEXTS[random.nextInt(LONG_TEXTS.length)]);
            // A part of one (contains), or one cut or extended at its seventh unit, where the sort key's longs end.
            case 7 -> new FieldValue.StringValue(part(random, LONG_TEXTS[random.nextInt(LONG_TEXTS.length)]));
            // Texts that are not date-times but compare with them as text.
            case 8 -> new FieldValue.StringValue(random.nextBoolean() ? "2026-01-01T10:3" : "2026");
            default -> new FieldValue.UserArnValue("arn:aws:connect:::agent/" + random.nextInt(5));
        };
        return new FieldFilter.Comparison(operator, field, value);
    }
}
