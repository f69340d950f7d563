package io.opencases.memory.service;

import io.opencases.application.Arns;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.search.CaseIndexer;
import io.opencases.application.search.CaseIndexing;
import io.opencases.domain.cases.Case;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.FieldFilter;
import io.opencases.domain.search.SearchTerms;
import io.opencases.memory.MemoryCaseChangeFeed;
import io.opencases.memory.MemoryCaseIndex;
import io.opencases.memory.MemoryTagRepository;
import io.opencases.memory.MemoryUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search sees every write handed to the indexer before it began without waiting for the indexer: while the
 * indexer thread is held up, searches answer from the index plus the queued cases, leaving the index's older copies
 * out, and give the same pages and totals the index gives once it has caught up.
 */
class CaseIndexingSearchTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final String ACCOUNT = "111111111111";
    private static final String DOMAIN = "domain-1";

    private final MemoryUnitOfWork unitOfWork = new MemoryUnitOfWork();
    private final MemoryCaseIndex index = new MemoryCaseIndex();
    private final MemoryCaseChangeFeed feed = new MemoryCaseChangeFeed(() -> T0);
    private final CaseIndexer indexer = new CaseIndexer(index);
    private final CaseIndexing indexing = new CaseIndexing(index, indexer, feed, new MemoryTagRepository(),
            new Arns("aws", "us-east-1"), unitOfWork);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        indexer.close();
    }

    private static Case aCase(String caseId, String title, double amount) {
        return new Case(DOMAIN, caseId, "template-1", Map.of("title", new FieldValue.StringValue(title),
                "amount", new FieldValue.DoubleValue(amount)), T0);
    }

    private void write(Case aCase) {
        unitOfWork.write(() -> {
            indexing.caseChanged(ACCOUNT, aCase);
            return null;
        });
    }

    private void delete(String caseId) {
        unitOfWork.write(() -> {
            indexing.caseDeleted(DOMAIN, caseId);
            return null;
        });
    }

    /** Holds the indexer thread inside a case change until {@link #release} opens. */
    private void holdIndexer() throws InterruptedException {
        var held = new CountDownLatch(1);
        var document = new CaseDocument(DOMAIN, "held", "template-1",
                Map.of("title", new FieldValue.StringValue("printer held"), "amount", new FieldValue.DoubleValue(7)),
                Map.of());
        indexer.submitCase(DOMAIN, "held", feed.append(DOMAIN, "held"), Optional.of(document), live -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            live.upsert(document);
        });
        held.await();
    }

    /** Every page of {@code size} from {@code search}, walking the cursor: the ids in order and the first total. */
    private record Walk(List<String> ids, long total) {
    }

    private static Walk walk(java.util.function.Function<CaseIndex.Query, CaseIndex.Hits> search, FieldFilter filter,
                             String term, List<CaseSort> sorts, int size) {
        var ids = new ArrayList<String>();
        long total = -1;
        CaseOrdering.Key after = null;
        while (true) {
            CaseIndex.Hits hits = search.apply(new CaseIndex.Query(filter,
                    term == null ? List.of() : SearchTerms.words(term), sorts, after, size));
            if (total < 0) {
                total = hits.totalCount();
            }
            hits.documents().forEach(d -> ids.add(d.caseId()));
            if (hits.documents().size() < size) {
                return new Walk(ids, total);
            }
            after = CaseOrdering.key(hits.documents().get(size - 1), sorts);
        }
    }

    @Test
    void queuedCreatesUpdatesAndRemovesAreSearchedBeforeTheIndexerAppliesThem() throws Exception {
        for (int i = 0; i < 6; i++) {
            write(aCase("case-" + i, i % 2 == 0 ? "printer " + i : "laptop " + i, i % 3));
        }
        indexer.awaitIdle();
        holdIndexer();

        write(aCase("case-1", "printer again", 5));
        delete("case-2");
        write(aCase("case-6", "printer new", 1));
        write(aCase("case-7", "laptop new", 0));
        write(aCase("case-3", "laptop changed", 1));
        write(aCase("case-3", "printer changed twice", 2));

        var byAmount = List.of(new CaseSort("amount", true));
        var filter = new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN, "amount",
                new FieldValue.DoubleValue(0));
        var queries = List.<Object[]>of(new Object[]{null, null, byAmount}, new Object[]{filter, null, byAmount},
                new Object[]{null, "printer", byAmount}, new Object[]{filter, "printer", CaseSort.DEFAULT},
                new Object[]{null, null, List.of(new CaseSort("amount", false), new CaseSort("title", true))});
        var whileHeld = new ArrayList<Walk>();
        for (Object[] q : queries) {
            @SuppressWarnings("unchecked") var sorts = (List<CaseSort>) q[2];
            for (int size : new int[]{1, 3, 100}) {
                whileHeld.add(walk(query -> indexing.search(DOMAIN, query), (FieldFilter) q[0], (String) q[1],
                        sorts, size));
            }
        }
        // The index itself still holds the cases as they were: the searches above took the queued ones.
        assertThat(walk(query -> index.search(DOMAIN, query), null, null, byAmount, 100).ids())
                .contains("case-2").doesNotContain("held", "case-6", "case-7");
        assertThat(whileHeld.get(0).ids()).contains("held", "case-6", "case-7").doesNotContain("case-2");

        release.countDown();
        indexer.awaitIdle();
        int n = 0;
        for (Object[] q : queries) {
            @SuppressWarnings("unchecked") var sorts = (List<CaseSort>) q[2];
            for (int size : new int[]{1, 3, 100}) {
                Walk caughtUp = walk(query -> index.search(DOMAIN, query), (FieldFilter) q[0], (String) q[1], sorts,
                        size);
                assertThat(whileHeld.get(n++)).isEqualTo(caughtUp);
            }
        }
    }

    @Test
    void aRemovalOfADomainStillQueuedIsWaitedFor() throws Exception {
        write(aCase("case-1", "printer", 1));
        indexer.awaitIdle();
        holdIndexer();
        unitOfWork.write(() -> {
            indexing.domainDeleted(DOMAIN);
            return null;
        });

        // Answered from the index and the queue without waiting, it would hold case-1 and the held case.
        var found = new java.util.concurrent.atomic.AtomicReference<CaseIndex.Hits>();
        var searched = new Thread(() -> found.set(indexing.search(DOMAIN, new CaseIndex.Query(null, List.of(),
                CaseSort.DEFAULT, null, 10))));
        searched.start();
        release.countDown();
        searched.join(30_000);

        assertThat(searched.isAlive()).isFalse();
        assertThat(found.get().documents()).isEmpty();
        assertThat(found.get().totalCount()).isZero();
    }
}
