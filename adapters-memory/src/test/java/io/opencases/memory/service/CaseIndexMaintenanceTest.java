package io.opencases.memory.service;

import io.opencases.application.Arns;
import io.opencases.application.casesdomain.DomainConfigurations;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.search.CaseIndexMaintenance;
import io.opencases.application.search.CaseIndexer;
import io.opencases.application.search.CaseIndexing;
import io.opencases.domain.cases.Case;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainStatus;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseSort;
import io.opencases.memory.MemoryAuditLog;
import io.opencases.memory.MemoryCaseChangeFeed;
import io.opencases.memory.MemoryCaseEventOutbox;
import io.opencases.memory.MemoryCaseRuleRepository;
import io.opencases.memory.MemoryCaseStore;
import io.opencases.memory.MemoryFieldRepository;
import io.opencases.memory.MemoryMergeJobRepository;
import io.opencases.memory.MemoryRelatedItemRepository;
import io.opencases.memory.MemoryTemplateRepository;
import io.opencases.memory.MemoryCaseIndex;
import io.opencases.memory.MemoryCaseRepository;
import io.opencases.memory.MemoryDomainRepository;
import io.opencases.memory.MemoryTagRepository;
import io.opencases.memory.MemoryUnitOfWork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index maintenance on memory adapters: rebuild from the store (beside the live index, then swapped in),
 * catch-up from a checkpoint, following changes another instance made, settling only once every transaction that
 * could still add a change has ended, and healing after a failed index update.
 */
class CaseIndexMaintenanceTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final Duration LOOKBACK = Duration.ofSeconds(10);

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final MemoryUnitOfWork unitOfWork = new MemoryUnitOfWork();
    private final MemoryDomainRepository domains = new MemoryDomainRepository();
    private final MemoryCaseRepository cases = new MemoryCaseRepository();
    private final MemoryTagRepository tags = new MemoryTagRepository();
    private final MemoryCaseChangeFeed memoryFeed = new MemoryCaseChangeFeed(now::get);
    private final HidingFeed feed = new HidingFeed(memoryFeed);
    private final CheckpointingIndex index = new CheckpointingIndex();
    private final CaseIndexer indexer = new CaseIndexer(index);
    private final CaseIndexing indexing = new CaseIndexing(index, indexer, feed, tags, new Arns("aws", "us-east-1"),
            unitOfWork);
    private final DomainConfigurations configurations = new DomainConfigurations(new MemoryCaseStore(domains,
            new MemoryFieldRepository(), new MemoryTemplateRepository(), new MemoryCaseRuleRepository(), cases, tags,
            new MemoryAuditLog(), new MemoryRelatedItemRepository(), new MemoryCaseEventOutbox(), memoryFeed,
            unitOfWork, new MemoryMergeJobRepository()), feed, unitOfWork);
    private final CaseIndexMaintenance maintenance = new CaseIndexMaintenance(index, feed, cases, domains,
            indexing, unitOfWork, now::get, LOOKBACK, configurations);
    private final String domainId = "domain-1";

    CaseIndexMaintenanceTest() {
        domains.insert(new CasesDomain("111111111111", domainId, "d", DomainStatus.Active, T0));
    }

    private Case stored(String caseId, String title) {
        var aCase = new Case(domainId, caseId, "template-1", Map.of("title", new FieldValue.StringValue(title)), T0);
        cases.save(aCase);
        return aCase;
    }

    /** A change made through another server instance: stored and recorded in the feed, but not in our index. */
    private void changedElsewhere(String caseId, String title) {
        stored(caseId, title);
        feed.append(domainId, caseId);
    }

    private List<String> indexedIds() {
        indexer.awaitIdle();
        return index.search(domainId, new CaseIndex.Query(null, List.of(), List.of(new CaseSort("case_id", true)),
                null, 100)).documents().stream().map(CaseDocument::caseId).toList();
    }

    @Test
    void anIndexWithoutACheckpointIsRebuiltFromTheStore() {
        stored("case-a", "one");
        stored("case-b", "two");
        tags.put(new Arns("aws", "us-east-1").caseArn("111111111111", domainId, "case-a"), Map.of("team", "red"));

        var outcome = maintenance.start();

        assertThat(outcome.rebuilt()).isTrue();
        assertThat(outcome.cases()).isEqualTo(2);
        assertThat(indexedIds()).containsExactly("case-a", "case-b");
        indexer.awaitIdle();
        var documents = index.search(domainId, new CaseIndex.Query(null, List.of(),
                List.of(new CaseSort("case_id", true)), null, 10)).documents();
        assertThat(documents.get(0).tags()).containsExactlyEntriesOf(Map.of("team", "red"));
        assertThat(documents.get(1).tags()).isEmpty();
        assertThat(index.checkpoint).isNotNull();
    }

    @Test
    void aConfigurationChangedElsewhereIsEvictedHereAndChangesNoCase() {
        stored("case-a", "one");
        maintenance.start();
        var cached = configurations.require("111111111111", domainId);
        assertThat(configurations.cached(domainId)).containsSame(cached);
        int upserts = index.upserts;

        // What another instance's configuration change leaves in the feed.
        feed.appendConfigurationChange(domainId);
        long applied = maintenance.follow();

        assertThat(applied).isEqualTo(1);
        assertThat(configurations.cached(domainId)).isEmpty();
        assertThat(index.upserts).as("no case is read again or re-indexed").isEqualTo(upserts);
        assertThat(indexedIds()).containsExactly("case-a");
    }

    @Test
    void aDomainDeletedElsewhereIsEvictedHere() {
        maintenance.start();
        configurations.require("111111111111", domainId);

        feed.append(domainId, null);
        maintenance.follow();

        assertThat(configurations.cached(domainId)).isEmpty();
    }

    @Test
    void aRebuildDropsWhatTheStoreNoLongerHas() {
        index.upsert(new CaseDocument(domainId, "ghost", "t", Map.of(), Map.of()));
        stored("case-a", "one");

        maintenance.rebuild();

        assertThat(indexedIds()).containsExactly("case-a");
    }

    @Test
    void aRebuildKeepsChangesMadeWhileItRuns() {
        stored("case-a", "one");
        maintenance.start();
        // Once the rebuild has read its first page, a write commits here: its case sorts before that page's end,
        // so the store walk never reads it; only the change that went to both indexes brings it into the new one.
        var once = new AtomicReference<Runnable>(() -> {
            var aCase = stored("case-0", "during");
            unitOfWork.write(() -> {
                indexing.caseChanged("111111111111", aCase);
                return null;
            });
        });
        var interrupting = new io.opencases.application.port.UnitOfWork() {
            @Override
            public <T> T read(java.util.function.Supplier<T> work) {
                T result = unitOfWork.read(work);
                if (result instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Case) {
                    Runnable write = once.getAndSet(null);
                    if (write != null) {
                        write.run();
                    }
                }
                return result;
            }

            @Override
            public <T> T write(java.util.function.Supplier<T> work) {
                return unitOfWork.write(work);
            }

            @Override
            public void afterCommit(Runnable action) {
                unitOfWork.afterCommit(action);
            }
        };
        var rebuilding = new CaseIndexMaintenance(index, feed, cases, domains, indexing, interrupting, now::get,
                LOOKBACK, configurations);

        rebuilding.rebuild();

        assertThat(once.get()).isNull();
        assertThat(indexedIds()).containsExactly("case-0", "case-a");
    }

    /**
     * The rebuild's workers add pages beside the indexer thread: a page read before a change can be added to the new
     * index after the change was. Here the page holding case-a and case-b is held back until case-a was updated and
     * case-b deleted (both applied to both indexes); the new index must still end as the changes left them.
     */
    @Test
    void aPageAddedAfterChangesToItsCasesDoesNotUndoThem() throws Exception {
        stored("case-a", "old");
        stored("case-b", "old");
        maintenance.start();
        var pageHeld = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        index.besideAddNew = () -> {
            pageHeld.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        var rebuild = java.util.concurrent.CompletableFuture.supplyAsync(maintenance::rebuild);
        pageHeld.await();

        var changed = stored("case-a", "new");
        unitOfWork.write(() -> {
            indexing.caseChanged("111111111111", changed);
            return null;
        });
        cases.delete(domainId, "case-b");
        unitOfWork.write(() -> {
            indexing.caseDeleted(domainId, "case-b");
            return null;
        });
        indexer.awaitIdle();
        release.countDown();
        rebuild.get();

        indexer.awaitIdle();
        var documents = index.search(domainId, new CaseIndex.Query(null, List.of(),
                List.of(new CaseSort("case_id", true)), null, 10)).documents();
        assertThat(documents).extracting(CaseDocument::caseId).containsExactly("case-a");
        assertThat(documents.get(0).values().get("title")).isEqualTo(new FieldValue.StringValue("new"));
    }

    /**
     * A page whose add takes long (in Lucene, the add that flushes the writer's buffer: seconds) must not hold up the
     * other workers: the rest of the store's pages are added while it is held. Reading ahead only as far as the
     * oldest page held every other worker idle until it was done.
     */
    @Test
    void aPageThatTakesLongDoesNotHoldUpTheOtherPages() throws Exception {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2,
                "the rebuild has one worker per core; one worker has no other to keep busy");
        int pages = 8;
        for (int i = 0; i < pages * 1000; i++) {
            stored(String.format("case-%05d", i), "title " + i);
        }
        maintenance.start();
        var started = new java.util.concurrent.atomic.AtomicInteger();
        var othersStarted = new java.util.concurrent.CountDownLatch(1);
        var othersCameWhileHeld = new java.util.concurrent.atomic.AtomicBoolean();
        index.besideAddNew = () -> {
            int page = started.incrementAndGet();
            if (page == 1) {
                try {
                    // Not a timing assertion: the bound only ends the wait when the other pages never come.
                    othersCameWhileHeld.set(othersStarted.await(30, java.util.concurrent.TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (page == pages) {
                othersStarted.countDown();
            }
        };

        long rebuilt = maintenance.rebuild();

        assertThat(othersCameWhileHeld).isTrue();
        assertThat(rebuilt).isEqualTo(pages * 1000L);
        indexer.awaitIdle();
        assertThat(index.search(domainId, new CaseIndex.Query(null, List.of(), List.of(), null, 1)).totalCount())
                .isEqualTo(pages * 1000L);
    }

    /** A page that fails fails the rebuild; the live index stays as it was, and a later rebuild succeeds. */
    @Test
    void aPageThatFailsFailsTheRebuildAndLeavesTheLiveIndex() {
        for (int i = 0; i < 3000; i++) {
            stored(String.format("case-%05d", i), "title " + i);
        }
        maintenance.start();
        stored("case-new", "added after the last rebuild");
        var adds = new java.util.concurrent.atomic.AtomicInteger();
        index.besideAddNew = () -> {
            if (adds.incrementAndGet() == 2) {
                throw new IllegalStateException("page lost");
            }
        };

        assertThatThrownBy(maintenance::rebuild).hasMessage("page lost");

        indexer.awaitIdle();
        var all = new CaseIndex.Query(null, List.of(), List.of(), null, 1);
        assertThat(index.search(domainId, all).totalCount()).isEqualTo(3000);
        index.besideAddNew = () -> { };
        assertThat(maintenance.rebuild()).isEqualTo(3001);
        indexer.awaitIdle();
        assertThat(index.search(domainId, all).totalCount()).isEqualTo(3001);
    }

    @Test
    void aFailedIndexUpdateIsNotTheWritesFailureAndTheIndexHealsFromTheStore() {
        maintenance.start();
        var aCase = stored("case-a", "one");
        index.failNextUpsert = true;

        unitOfWork.write(() -> {
            indexing.caseChanged("111111111111", aCase);
            return null;
        });
        indexer.awaitIdle();
        assertThat(index.search(domainId, new CaseIndex.Query(null, List.of(), List.of(), null, 10)).documents())
                .isEmpty();

        maintenance.follow();

        assertThat(indexedIds()).containsExactly("case-a");
    }

    @Test
    void followingAppliesChangesMadeThroughAnotherInstance() {
        maintenance.start();
        changedElsewhere("case-a", "one");

        maintenance.follow();
        assertThat(indexedIds()).containsExactly("case-a");

        unitOfWork.write(() -> cases.delete(domainId, "case-a"));
        feed.append(domainId, "case-a");
        maintenance.follow();
        assertThat(indexedIds()).isEmpty();
    }

    @Test
    void changesThisInstanceIndexedAreNotReadFromTheStoreAgain() {
        maintenance.start();
        var aCase = stored("case-a", "one");
        unitOfWork.write(() -> indexing.caseChanged("111111111111", aCase));
        indexer.awaitIdle();
        int upserts = index.upserts;

        long applied = maintenance.follow();
        indexer.awaitIdle();

        assertThat(applied).isZero();
        assertThat(index.upserts).isEqualTo(upserts);
        assertThat(indexedIds()).containsExactly("case-a");
    }

    @Test
    void aChangeTheFollowerAppliedBeforeThisInstanceClaimedItIsForgottenOnceSettled() {
        maintenance.start();
        var aCase = stored("case-a", "one");
        // The follower reads the change between its commit and this instance's after-commit step (which runs when
        // the write below returns): it applies the change from the store, and the step claims it afterwards.
        unitOfWork.write(() -> {
            indexing.caseChanged("111111111111", aCase);
            assertThat(maintenance.follow()).isEqualTo(1);
            return null;
        });
        assertThat(indexing.appliedHereCount()).isEqualTo(1);

        // The claim goes when the follower next settles past it (before the fix it stayed for good).
        changedElsewhere("case-b", "two");
        maintenance.follow();
        maintenance.follow();

        assertThat(maintenance.settledPosition()).isEqualTo(feed.head());
        assertThat(indexing.appliedHereCount()).as("claims the follower will never ask about").isZero();
        assertThat(indexedIds()).containsExactly("case-a", "case-b");
    }

    @Test
    void aChangeThatBecomesVisibleLateIsAppliedHoweverLateItCommits() {
        maintenance.start();
        feed.hideNext();
        changedElsewhere("case-late", "late");
        changedElsewhere("case-b", "b");

        maintenance.follow();
        assertThat(indexedIds()).containsExactly("case-b");

        // Far longer than any time window: the change's transaction is still open, so nothing settles past it.
        now.set(T0.plus(Duration.ofHours(3)));
        for (int i = 0; i < 5; i++) {
            maintenance.follow();
        }
        assertThat(maintenance.settledPosition()).isLessThan(feed.head() - 1);

        feed.reveal();
        maintenance.follow();
        assertThat(indexedIds()).containsExactly("case-b", "case-late");
        maintenance.follow();
        assertThat(maintenance.settledPosition()).isEqualTo(feed.head());
    }

    @Test
    void anOlderVersionOfACaseNeverReplacesANewerOneInTheIndex() {
        maintenance.start();
        var first = stored("case-a", "first");
        var second = first.withValues(Map.of("title", new FieldValue.StringValue("second")));
        var afterFirst = new java.util.ArrayList<Runnable>();
        // Both writes commit in order, but the first one's after-commit update is held back until the second's ran.
        var holding = new io.opencases.application.port.UnitOfWork() {
            @Override
            public <T> T read(java.util.function.Supplier<T> work) {
                return work.get();
            }

            @Override
            public <T> T write(java.util.function.Supplier<T> work) {
                return work.get();
            }

            @Override
            public void afterCommit(Runnable action) {
                afterFirst.add(action);
            }
        };
        var slowIndexing = new CaseIndexing(index, indexer, feed, tags, new Arns("aws", "us-east-1"), holding);
        slowIndexing.caseChanged("111111111111", first);
        cases.save(second);
        slowIndexing.caseChanged("111111111111", second);

        afterFirst.get(1).run();
        afterFirst.get(0).run();
        indexer.awaitIdle();

        var titles = index.search(domainId, new CaseIndex.Query(null, List.of(), List.of(), null, 10)).documents()
                .stream().map(d -> d.values().get("title")).toList();
        assertThat(titles).containsExactly(new FieldValue.StringValue("second"));
    }

    @Test
    void aCheckpointedIndexCatchesUpInsteadOfRebuilding() {
        maintenance.start();
        now.set(T0.plusSeconds(60));
        maintenance.follow();
        maintenance.checkpoint();
        changedElsewhere("case-after-checkpoint", "x");

        var outcome = maintenance.start();

        assertThat(outcome.rebuilt()).isFalse();
        assertThat(outcome.changesApplied()).isEqualTo(1);
        assertThat(indexedIds()).containsExactly("case-after-checkpoint");
    }

    @Test
    void anIndexCheckpointedBeforeWhatTheFeedForgotIsRebuilt() {
        changedElsewhere("case-a", "a");
        index.checkpoint = OptionalLong.of(0);
        now.set(T0.plus(Duration.ofHours(2)));
        maintenance.prune(Duration.ofHours(1));

        var outcome = maintenance.start();

        assertThat(outcome.rebuilt()).isTrue();
        assertThat(indexedIds()).containsExactly("case-a");
    }

    /** The reference index plus a remembered checkpoint, as a persistent index would keep it. */
    private static final class CheckpointingIndex extends MemoryCaseIndexDelegate {
        OptionalLong checkpoint;
        int upserts;
        volatile boolean failNextUpsert;

        @Override
        public void upsert(CaseDocument document) {
            if (failNextUpsert) {
                failNextUpsert = false;
                throw new IllegalStateException("disk full");
            }
            upserts++;
            super.upsert(document);
        }

        @Override
        public void checkpoint(long feedPosition) {
            checkpoint = OptionalLong.of(feedPosition);
        }

        @Override
        public OptionalLong checkpointedPosition() {
            return checkpoint == null ? OptionalLong.empty() : checkpoint;
        }
    }

    private static class MemoryCaseIndexDelegate implements CaseIndex {
        private MemoryCaseIndex delegate = new MemoryCaseIndex();
        /** Runs before the index built beside this one adds a page (on the rebuild's worker). */
        volatile Runnable besideAddNew = () -> { };
        private Runnable beforeAddNew = () -> { };

        @Override
        public CaseIndex newBeside() {
            var beside = new MemoryCaseIndexDelegate();
            beside.beforeAddNew = besideAddNew;
            return beside;
        }

        @Override
        public void addNew(Iterable<CaseDocument> documents) {
            beforeAddNew.run();
            CaseIndex.super.addNew(documents);
        }

        @Override
        public void replaceWith(CaseIndex built) {
            delegate = ((MemoryCaseIndexDelegate) built).delegate;
        }

        @Override
        public void upsert(CaseDocument document) {
            delegate.upsert(document);
        }

        @Override
        public void remove(String domainId, String caseId) {
            delegate.remove(domainId, caseId);
        }

        @Override
        public void removeDomain(String domainId) {
            delegate.removeDomain(domainId);
        }

        @Override
        public Hits search(String domainId, Query query) {
            return delegate.search(domainId, query);
        }

        @Override
        public void clear() {
            delegate.clear();
        }
    }

    /** A feed that can hide a change, as PostgreSQL does until the transaction that recorded it commits. */
    private static final class HidingFeed implements CaseChangeFeed {
        private final CaseChangeFeed delegate;
        private final Set<Long> hidden = new HashSet<>();
        private boolean hideNext;

        HidingFeed(CaseChangeFeed delegate) {
            this.delegate = delegate;
        }

        void hideNext() {
            hideNext = true;
        }

        void reveal() {
            hidden.clear();
        }

        @Override
        public long append(String domainId, String caseId) {
            long position = delegate.append(domainId, caseId);
            if (hideNext) {
                hidden.add(position);
                hideNext = false;
            }
            return position;
        }

        @Override
        public long appendConfigurationChange(String domainId) {
            return delegate.appendConfigurationChange(domainId);
        }

        @Override
        public List<Change> after(long position, int limit) {
            return delegate.after(position, limit).stream().filter(c -> !hidden.contains(c.position())).toList();
        }

        @Override
        public long head() {
            return delegate.head();
        }

        @Override
        public Mark mark() {
            return new Mark(delegate.head(), 0);
        }

        /** A hidden change is one whose transaction is still open: nothing at or above it has settled. */
        @Override
        public boolean settled(Mark mark) {
            return hidden.stream().noneMatch(p -> p <= mark.position());
        }

        @Override
        public void prune(Instant before) {
            delegate.prune(before);
        }

        @Override
        public long prunedThrough() {
            return delegate.prunedThrough();
        }
    }
}
