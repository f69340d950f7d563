package io.opencases.application.search;

import io.opencases.application.casesdomain.DomainConfigurations;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.Clock;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.UnitOfWork;
import io.opencases.domain.cases.Case;
import io.opencases.domain.search.CaseDocument;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the search index a faithful copy of the store, which is the source of truth: rebuilds it from the store
 * when it is missing, unusable or an update failed, catches it up from the change feed after a restart, and follows
 * the feed while the server runs so changes made through other instances (or lost between a commit and the index
 * update in a crash) reach this instance's index. Every index write goes through the indexer thread.
 *
 * <p>Feed positions are taken before commit, so a change can become visible after one with a higher position. The
 * follower re-reads the feed from its settled position on every pass, skipping what it has applied; the settled
 * position moves to a {@link CaseChangeFeed.Mark} once the feed says every transaction that could still add a change
 * below it has ended (a transaction snapshot, not a time window: a slow transaction is never missed). Not for
 * concurrent use: one thread (the server's maintenance loop) calls it.
 *
 * <p>The feed also says when a domain's configuration changed or the domain was deleted: on those rows this
 * instance's cached {@link DomainConfigurations} evicts the domain, which is how a configuration change made through
 * another instance reaches this one.
 */
public final class CaseIndexMaintenance {
    private static final int BATCH = 1_000;
    /** Pages per worker (or for the indexer) a rebuild lets be read and not yet added: how far reading runs ahead. */
    private static final int PAGES_AHEAD = 2;
    /** The rebuild's indexing threads: one per core, while this thread reads the store. */
    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** The feed keeps at least this much, whatever retention is asked: a follower on another instance may lag. */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofSeconds(10);
    /** How long a rebuild waits for transactions in flight at its start before it reads the store anyway. */
    private static final long SETTLE_WAIT_MILLIS = 5_000;

    private final CaseIndex index;
    private final CaseChangeFeed feed;
    private final CaseRepository cases;
    private final DomainRepository domains;
    private final CaseIndexing indexing;
    private final CaseIndexer indexer;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration minimumRetention;
    private final DomainConfigurations configurations;

    /** Everything at or below this position has been applied. */
    private volatile long settled;
    /** Positions above {@code settled} already applied. */
    private final Set<Long> applied = new HashSet<>();
    /** The highest feed position read and applied (or found applied here), for the metrics' lag behind the head. */
    private volatile long highestRead;
    /** Marks taken and not yet settled, oldest first. */
    private final ArrayDeque<CaseChangeFeed.Mark> marks = new ArrayDeque<>();

    public CaseIndexMaintenance(CaseIndex index, CaseChangeFeed feed, CaseRepository cases, DomainRepository domains,
                                CaseIndexing indexing, UnitOfWork unitOfWork, Clock clock, Duration minimumRetention,
                                DomainConfigurations configurations) {
        this.configurations = configurations;
        this.index = index;
        this.feed = feed;
        this.cases = cases;
        this.domains = domains;
        this.indexing = indexing;
        this.indexer = indexing.indexer();
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.minimumRetention = minimumRetention;
    }

    /** What {@link #start()} did, for the server's log. */
    public record Outcome(boolean rebuilt, long cases, long changesApplied, Duration took) {
    }

    /**
     * Brings the index up to date at start: a rebuild when it has no usable checkpoint, otherwise a catch-up from
     * the feed since its checkpoint (a rebuild too when the feed no longer holds changes that far back).
     */
    public Outcome start() {
        long began = System.nanoTime();
        var checkpoint = index.checkpointedPosition();
        if (checkpoint.isPresent() && feedCovers(checkpoint.getAsLong())) {
            settled = checkpoint.getAsLong();
            long applied = follow();
            indexer.awaitIdle();
            return new Outcome(false, 0, applied, Duration.ofNanos(System.nanoTime() - began));
        }
        long count = rebuild();
        return new Outcome(true, count, 0, Duration.ofNanos(System.nanoTime() - began));
    }

    /**
     * Rebuilds the index from the store: streams every case, page by page, into a new index built beside the live
     * one (which keeps answering searches and taking changes, which go to both), swaps it in, checkpoints, then
     * applies what the feed recorded meanwhile. Returns how many cases were indexed.
     */
    public long rebuild() {
        // Changes at or below the start mark are in what the store walk reads, once their transactions have ended.
        CaseChangeFeed.Mark start = feed.mark();
        boolean startSettled = awaitSettled(start);
        indexing.forgetApplied();
        applied.clear();
        marks.clear();
        // Configuration changes below the start mark are skipped with the case changes there.
        configurations.evictAll();
        CaseIndex built = besideOrNull();
        if (built != null) {
            indexer.beginStaging(built);
        } else {
            indexer.submit(CaseIndex::clear);
        }
        long count = 0;
        try {
            count = walkStore(built);
        } catch (RuntimeException e) {
            if (built != null) {
                indexer.abandonStaging();
            }
            throw e;
        }
        if (built != null) {
            // The expensive part of making the new index searchable (flushing what it buffered) happens here, not
            // in the swap, which the indexer thread runs while writes queue behind it.
            built.refresh();
            indexer.awaitVisible(indexer.swapIn());
        }
        if (startSettled) {
            settled = start.position();
        }
        follow();
        checkpoint();
        return count;
    }

    private CaseIndex besideOrNull() {
        try {
            return index.newBeside();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Streams the store, a page at a time, into the index: with {@code built} (an index beside the live one), this
     * thread reads the pages and the rebuild's workers, one per core, turn them into index documents and add them,
     * all into the one new index (its writer takes documents from several threads at once); without it (an index
     * that cannot be built beside itself), the pages go through the indexer thread.
     *
     * <p>Reading runs ahead of the workers by a bounded number of pages, whichever worker has them: a page whose add
     * makes Lucene flush its buffer takes seconds (a 1M rebuild flushes about twenty times), and waiting for the
     * oldest page instead (as until 2026-12-07) left the other worker without pages for that long, one core idle in
     * a fifth of the rebuild.
     */
    private long walkStore(CaseIndex built) {
        ExecutorService workers = built == null ? null : Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "opencases-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        var ahead = new Semaphore(WORKERS * PAGES_AHEAD);
        var failure = new AtomicReference<Throwable>();
        long count = 0;
        String afterDomain = null;
        String afterCase = null;
        Map<String, Optional<String>> accounts = new HashMap<>();
        var inFlight = new ArrayDeque<Long>();
        try {
            while (failure.get() == null) {
                String d = afterDomain;
                String c = afterCase;
                List<Case> page = unitOfWork.read(() -> cases.listAfter(d, c, BATCH));
                if (page.isEmpty()) {
                    break;
                }
                // One read per page: the cases' domains (each once per rebuild) and all their tags in one lookup.
                List<CaseDocument> documents = unitOfWork.read(() -> indexing.documents(page, domainId -> accounts
                        .computeIfAbsent(domainId, id -> domains.findById(id).map(domain -> domain.accountId()))));
                if (built != null) {
                    acquire(ahead);
                    workers.execute(() -> {
                        try {
                            // After a failure, pages not started are dropped.
                            if (failure.get() == null) {
                                indexer.stage(built, documents);
                            }
                        } catch (RuntimeException | Error e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            ahead.release();
                        }
                    });
                } else {
                    inFlight.add(indexer.submit(target -> target.upsertAll(documents)));
                    while (inFlight.size() > PAGES_AHEAD) {
                        indexer.awaitVisible(inFlight.poll());
                    }
                }
                count += documents.size();
                Case last = page.get(page.size() - 1);
                afterDomain = last.domainId();
                afterCase = last.caseId();
            }
        } catch (RuntimeException | Error e) {
            // The pages read and not yet started are dropped too.
            failure.compareAndSet(null, e);
            throw e;
        } finally {
            if (workers != null) {
                // A page being added finishes (no interrupt: Lucene treats an interrupted write as fatal to its
                // writer), so none writes to the index after this returns or throws.
                workers.shutdown();
                awaitTermination(workers);
            }
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed != null) {
            throw (Error) failed;
        }
        return count;
    }

    private static void acquire(Semaphore semaphore) {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }

    /** A finished or failed rebuild still waits for its workers, so none writes to the index afterwards. */
    private static void awaitTermination(ExecutorService workers) {
        try {
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                // A page still being added; it finishes on its own.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean awaitSettled(CaseChangeFeed.Mark mark) {
        long deadline = System.currentTimeMillis() + SETTLE_WAIT_MILLIS;
        while (!feed.settled(mark)) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * One pass over the feed: heals the index first if an update failed (a rebuild), then applies what changed and
     * was not applied here already, and settles as far as the feed allows. Returns how many changes it applied.
     */
    public long follow() {
        if (indexer.takeFailure()) {
            rebuild();
            return 0;
        }
        CaseChangeFeed.Mark mark = feed.mark();
        if (mark.position() > settled && (marks.isEmpty() || mark.position() > marks.peekLast().position())) {
            marks.add(mark);
        }
        // Settled marks first, then the read: a change at or below a settled mark is visible to the read.
        long settleTo = settled;
        while (!marks.isEmpty() && feed.settled(marks.peekFirst())) {
            settleTo = Math.max(settleTo, marks.poll().position());
        }
        long count = catchUp(settled);
        if (settleTo > settled) {
            settled = settleTo;
            applied.removeIf(p -> p <= settled);
            indexing.forgetOrderThrough(settled);
        }
        return count;
    }

    /** The highest feed position this instance has read and applied (for the lag behind the feed's head). */
    public long position() {
        return Math.max(settled, highestRead);
    }

    /** Makes the index durable up to what is settled, once the indexer has applied everything handed to it. */
    public void checkpoint() {
        long position = settled;
        indexer.awaitIdle();
        index.checkpoint(position);
    }

    /** Lets the feed forget changes older than {@code retention}; an index further behind rebuilds at start. */
    public void prune(Duration retention) {
        Instant before = clock.now().minus(retention.compareTo(minimumRetention) > 0 ? retention
                : minimumRetention.multipliedBy(2));
        unitOfWork.write(() -> feed.prune(before));
    }

    /** The position up to which the index is known complete (for tests and diagnostics). */
    public long settledPosition() {
        return settled;
    }

    private long catchUp(long from) {
        long position = from;
        long count = 0;
        while (true) {
            long after = position;
            List<CaseChangeFeed.Change> changes = unitOfWork.read(() -> feed.after(after, BATCH));
            if (changes.isEmpty()) {
                break;
            }
            for (CaseChangeFeed.Change change : changes) {
                position = change.position();
                highestRead = Math.max(highestRead, position);
                if (change.position() > settled && !applied.contains(change.position())) {
                    if (!indexing.appliedHere(change.position())) {
                        apply(change);
                        count++;
                    }
                    applied.add(change.position());
                }
            }
        }
        return count;
    }

    /** Whether the feed still holds every change after the checkpoint (pruning may have forgotten some). */
    private boolean feedCovers(long checkpoint) {
        return checkpoint >= unitOfWork.read(feed::prunedThrough) && checkpoint <= unitOfWork.read(feed::head);
    }

    private void apply(CaseChangeFeed.Change change) {
        if (change.kind() == CaseChangeFeed.Change.Kind.CONFIGURATION) {
            // No case changed: only what this instance cached of the configuration is out of date.
            configurations.evict(change.domainId());
            return;
        }
        if (change.kind() == CaseChangeFeed.Change.Kind.DOMAIN_DELETED) {
            configurations.evict(change.domainId());
            // The domain may have been deleted and its id never reused: drop whatever the index holds of it.
            if (unitOfWork.read(() -> domains.findById(change.domainId())).isEmpty()) {
                indexer.submit(target -> target.removeDomain(change.domainId()));
            }
            return;
        }
        var document = unitOfWork.read(() -> domains.findById(change.domainId())
                .flatMap(domain -> cases.find(change.domainId(), change.caseId())
                        .map(aCase -> indexing.document(domain.accountId(), aCase))));
        // What was read is at least as new as this change; a later change applied meanwhile wins.
        // Searches take the case from the indexer until a refresh shows it, as for this instance's own writes.
        indexer.submitCase(change.domainId(), change.caseId(), change.position(), document,
                target -> indexing.applyInOrder(change.domainId(), change.caseId(), change.position(), () -> {
                    if (document.isPresent()) {
                        target.upsert(document.get());
                    } else {
                        target.remove(change.domainId(), change.caseId());
                    }
                }));
    }
}
