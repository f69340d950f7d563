package io.opencases.memory.service;

import io.opencases.application.port.CaseIndex;
import io.opencases.application.search.CaseIndexer;
import io.opencases.domain.search.CaseDocument;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer thread refreshes (publishes a segment) only when someone waits for a change it holds, or when a
 * change has been hidden for its limit, so writes without searches do not pay a refresh each.
 */
class CaseIndexerTest {
    private final CountingIndex index = new CountingIndex();

    private static CaseDocument document(int i) {
        return new CaseDocument("domain-1", "case-" + i, "template-1", Map.of(), Map.of());
    }

    /** Waits (at most 30 s: a bound for a stalled machine, not a measurement) until {@code count} reaches it. */
    private static void awaitCount(IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count.getAsInt() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(count.getAsInt()).isEqualTo(expected);
    }

    @Test
    void appliedChangesWaitForAReaderAndOneRefreshPublishesThemAll() throws Exception {
        try (var indexer = new CaseIndexer(index, Duration.ofHours(1))) {
            long last = 0;
            for (int i = 0; i < 50; i++) {
                CaseDocument d = document(i);
                last = indexer.submit(live -> live.upsert(d));
            }
            awaitCount(index.upserts::get, 50);
            assertThat(index.refreshes.get()).isZero();

            indexer.awaitVisible(last);

            assertThat(index.refreshes.get()).isEqualTo(1);
            indexer.awaitVisible(last);
            assertThat(index.refreshes.get()).isEqualTo(1);
        }
    }

    @Test
    void aChangeNobodyWaitsForIsPublishedAfterTheLimit() throws Exception {
        try (var indexer = new CaseIndexer(index, Duration.ofMillis(20))) {
            indexer.submit(live -> live.upsert(document(1)));

            awaitCount(index.refreshes::get, 1);
            assertThat(index.upserts.get()).isEqualTo(1);
        }
    }

    @Test
    void aReaderWaitingForAChangeStillQueuedSeesIt() throws Exception {
        try (var indexer = new CaseIndexer(index, Duration.ofHours(1))) {
            var started = new java.util.concurrent.CountDownLatch(1);
            var release = new java.util.concurrent.CountDownLatch(1);
            indexer.submit(live -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            started.await();
            long ticket = indexer.submit(live -> live.upsert(document(2)));
            var reader = new Thread(() -> indexer.awaitVisible(ticket));
            reader.start();
            release.countDown();
            reader.join(30_000);

            assertThat(reader.isAlive()).isFalse();
            assertThat(index.upserts.get()).isEqualTo(1);
            assertThat(index.refreshes.get()).isGreaterThanOrEqualTo(1);
        }
    }

    /** Counts what the indexer does to it. */
    private static final class CountingIndex implements CaseIndex {
        final AtomicInteger upserts = new AtomicInteger();
        final AtomicInteger refreshes = new AtomicInteger();

        @Override
        public void upsert(CaseDocument document) {
            upserts.incrementAndGet();
        }

        @Override
        public void remove(String domainId, String caseId) {
        }

        @Override
        public void removeDomain(String domainId) {
        }

        @Override
        public Hits search(String domainId, Query query) {
            return new Hits(List.of(), 0);
        }

        @Override
        public void clear() {
        }

        @Override
        public void refresh() {
            refreshes.incrementAndGet();
        }
    }
}
