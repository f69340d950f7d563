package io.opencases.application.search;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.SearchTerms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that writes the case index. Use cases hand it their changes after commit, the feed follower the
 * changes it read, a rebuild its pages; it applies whatever has queued up as one batch and then makes the batch
 * visible to searches with a single refresh, so writers never contend inside the index and a refresh publishes
 * many changes at once.
 *
 * <p>Every change gets a ticket in submission order. A search must see every change submitted before it began. A
 * change of one case's document ({@link #submitCase}) is kept here until the refresh that shows it, and searches take
 * such cases from here ({@link #recent}) rather than wait for that refresh; for any other change they wait until
 * the tickets submitted before they began are visible ({@link #awaitVisible}), and for nothing submitted after.
 *
 * <p>A refresh costs about as much as the updates it publishes (it writes a new segment, which Lucene merges later),
 * so the thread refreshes only when someone waits for a change it holds, within {@link #SOON_NANOS} once a search
 * has taken cases from here, or when a change has been hidden for {@link #MAX_HIDDEN}: under writes without
 * searches, one refresh publishes a second's worth of changes. Once the changes someone waits for are applied it
 * refreshes at once, and applies the rest of what had queued after that refresh.
 *
 * <p>A change that fails to apply is logged and remembered ({@link #takeFailure()}), the batch still becomes
 * visible, and maintenance heals the index from the store: a committed write is never turned into
 * an error by its index update.
 *
 * <p>While a rebuild runs, changes go to the live index and to the one being built beside it; the rebuild's pages
 * (read from the store) go to the new index only, added by the rebuild's own threads, and skip cases that changes
 * have already written there, whose version is at least as new. The swap is itself a change, so every change before
 * it is in the new index, and it writes the changes made during the rebuild once more before it, so no page read
 * before a change can outlive it.
 */
public final class CaseIndexer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CaseIndexer.class.getName());
    private static final int MAX_BATCH = 2_000;
    /** By default, the longest a change applied to the live index stays invisible when nobody waits for it. */
    public static final java.time.Duration MAX_HIDDEN = java.time.Duration.ofSeconds(1);
    /**
     * How long an applied change stays invisible once a search has taken cases from {@link #recent}: it needs no
     * refresh, but each case held here costs every search a little. Measured at 1,000 writes/s: refreshing as
     * often as searches asked added a segment per search and Lucene's merges of them took more CPU than the indexer.
     * At 50 ms the refreshes (17%) and the merges of their segments (23%) were still two fifths of the server's CPU
     * (JFR, 2026-12-07). At 200 ms search p99 under writes was lower than at 50 ms in each of four paired runs
     * (mean 11.0 against 12.9 ms); at 500 ms it was no better in three more pairs, and the median rose with the
     * queued cases each search tests.
     */
    static final long SOON_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /**
     * After a pass that applied changes, the thread lets the next ones gather this long before it takes them, unless
     * someone waits for one: no search needs a change applied before its refresh, since searches take queued cases
     * from {@link #recent}. Woken by every write instead (1,000 a second under the search-under-writes benchmark),
     * the thread took a core's scheduling slot per write, and a writer handing over its change waited for the woken
     * thread while it held the submit lock (JFR, 2026-12-08: 619 such waits of 1 ms or more in 15 s).
     */
    static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private record Task(long ticket, Consumer<CaseIndex> change, boolean changesLive) {
    }

    /** Put in the queue by a waiter to wake the thread: someone waits for what it applied and has not refreshed. */
    private static final Task WAKE = new Task(0, index -> {
    }, false);

    private final CaseIndex live;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private final ReentrantLock visibleLock = new ReentrantLock();
    private final Condition advanced = visibleLock.newCondition();
    private final Thread thread;
    private final long maxHiddenNanos;
    private long lastTicket;
    private volatile long submitted;
    private volatile long visible;
    /** The highest ticket someone waits to see. */
    private final java.util.concurrent.atomic.AtomicLong wanted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean wakeQueued = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set by a search that took cases from {@link #recent}: refresh within {@link #SOON_NANOS}. */
    private volatile boolean soon;
    private volatile boolean failed;
    private volatile boolean closed;
    /**
     * The case changes to the live index submitted and not yet visible, per domain and case: the one with the newest
     * feed position (the one the index keeps, see CaseIndexing.applyInOrder). Written under {@link #submitLock}
     * with the ticket; an entry leaves once a refresh has made its ticket visible.
     */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Recent>> recent = new ConcurrentHashMap<>();
    /** The ticket of the last change to the live index that is not a case's document (a domain removal, ...). */
    private volatile long lastOpaque;

    /**
     * A case as a change submitted to the live index left it: its document, or none when removed. Its words for
     * searchTerm are worked out once, by the first search that needs them.
     */
    public static final class Recent {
        private final long ticket;
        private final long position;
        private final String caseId;
        private final CaseDocument document;
        private volatile Set<String> words;

        Recent(long ticket, long position, String caseId, CaseDocument document) {
            this.ticket = ticket;
            this.position = position;
            this.caseId = caseId;
            this.document = document;
        }

        public String caseId() {
            return caseId;
        }

        /** The case's document; empty when the change removed it. */
        public Optional<CaseDocument> document() {
            return Optional.ofNullable(document);
        }

        /** The words a searchTerm matches in the document (empty when removed). */
        public Set<String> words() {
            Set<String> w = words;
            if (w == null) {
                w = document == null ? Set.of() : SearchTerms.caseWords(document);
                words = w;
            }
            return w;
        }
    }

    /** The index being built beside the live one; set and cleared by the indexer thread only. */
    private CaseIndex staging;
    /**
     * What changes wrote to the index being built: the latest per case (its document, or none for a removal), and the
     * domains they removed. Written by the indexer thread; the rebuild's workers read them to skip cases a change
     * already wrote, and the swap writes them to the new index again, last (see {@link #stage}).
     */
    private final ConcurrentHashMap<String, Staged> stagedCases = new ConcurrentHashMap<>();
    private final Set<String> stagedDomains = ConcurrentHashMap.newKeySet();

    private record Staged(String domainId, String caseId, Optional<CaseDocument> document) {
    }

    public CaseIndexer(CaseIndex live) {
        this(live, MAX_HIDDEN);
    }

    /** With {@code maxHidden}: how long an applied change may stay invisible when nobody waits for it. */
    public CaseIndexer(CaseIndex live, java.time.Duration maxHidden) {
        this.live = live;
        this.maxHiddenNanos = maxHidden.toNanos();
        this.thread = new Thread(this::run, "opencases-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a change to the index (applied on the indexer thread); returns its ticket. Searches wait for it to be
     * visible (see {@link #submitCase} for the changes they need not wait for).
     */
    public long submit(Consumer<CaseIndex> change) {
        return enqueue(change, true);
    }

    /**
     * Queues {@code change}, which writes one case's {@code document} (empty: removes the case) as of feed
     * {@code position}; returns its ticket. Until a refresh makes it visible, searches take the case from here
     * ({@link #recent}) instead of waiting for that refresh.
     */
    public long submitCase(String domainId, String caseId, long position, Optional<CaseDocument> document,
                           Consumer<CaseIndex> change) {
        return enqueue(change, true, ticket -> recent.computeIfAbsent(domainId, d -> new ConcurrentHashMap<>())
                .merge(caseId, new Recent(ticket, position, caseId, document.orElse(null)),
                        (older, newer) -> newer.position >= older.position ? newer : older));
    }

    private long enqueue(Consumer<CaseIndex> change, boolean changesLive) {
        return enqueue(change, changesLive, null);
    }

    /**
     * Takes the next ticket and queues the change under it; {@code caseChange} (null for any other change) records
     * the case a change of one case's document leaves, under the same lock, so a search that sees the ticket
     * submitted also finds the case in {@link #recent}.
     */
    private long enqueue(Consumer<CaseIndex> change, boolean changesLive, java.util.function.LongConsumer caseChange) {
        synchronized (submitLock) {
            long ticket = ++lastTicket;
            if (caseChange != null) {
                caseChange.accept(ticket);
            }
            queue.add(new Task(ticket, change, changesLive));
            if (changesLive) {
                submitted = ticket;
                if (caseChange == null) {
                    lastOpaque = ticket;
                }
            }
            return ticket;
        }
    }

    /** The ticket of the last change to the live index submitted so far. */
    public long submitted() {
        return submitted;
    }

    /** Waits until every change up to {@code ticket} is visible to searches. */
    public void awaitVisible(long ticket) {
        if (visible >= ticket) {
            return;
        }
        wanted.accumulateAndGet(ticket, Math::max);
        wake();
        visibleLock.lock();
        try {
            while (visible < ticket && !closed) {
                advanced.awaitUninterruptibly();
            }
        } finally {
            visibleLock.unlock();
        }
    }

    /**
     * The cases of {@code domainId} that changes submitted so far have written and no refresh has made visible yet,
     * for a search beginning now: it takes them from here and leaves their copies in the index out. Every change
     * submitted before this call is visible or among them (an entry leaves only after the refresh that shows it, and
     * the search reads the index after this). Changes other than a case's document (a domain removal, the feed
     * follower's) cannot be shown from here: those submitted before this call are waited for. A search does not
     * wait for the rest, but asks for a refresh, so few cases stay here.
     */
    public Collection<Recent> recent(String domainId) {
        long ticket = submitted;
        long opaque = lastOpaque;
        if (opaque > visible) {
            awaitVisible(Math.min(ticket, opaque));
        }
        var cases = recent.get(domainId);
        if (cases == null || cases.isEmpty()) {
            return List.of();
        }
        var snapshot = new ArrayList<>(cases.values());
        if (!soon) {
            soon = true;
            wake();
        }
        return snapshot;
    }

    /** Wakes the thread for what {@link #wanted} asks; call it after raising {@code wanted}. */
    private void wake() {
        // Set after {@code wanted}; the thread clears it before it reads {@code wanted}, so no wish is missed.
        if (wakeQueued.compareAndSet(false, true)) {
            queue.add(WAKE);
        }
        // Ends a gathering pause: the thread reads {@code wanted} before it parks, so a wish raised after that
        // read is met by this unpark (a permit taken by the park, or given to it beforehand).
        LockSupport.unpark(thread);
    }

    /** Waits until everything submitted so far, to either index, is applied and visible. */
    public void awaitIdle() {
        long ticket;
        synchronized (submitLock) {
            ticket = lastTicket;
        }
        awaitVisible(ticket);
    }

    /** Whether a change failed to apply since the last call (and forgets it): the index must heal from the store. */
    public boolean takeFailure() {
        boolean was = failed;
        failed = false;
        return was;
    }

    /** Starts sending changes to {@code built} too; {@link #stage} fills it, {@link #swapIn} makes it live. */
    public void beginStaging(CaseIndex built) {
        enqueue(index -> {
            staging = built;
            stagedCases.clear();
            stagedDomains.clear();
        }, false);
    }

    /**
     * Adds documents read from the store to {@code built}, the index being built (see {@link #beginStaging}), on the
     * caller's thread: a rebuild's workers call it concurrently, beside the indexer thread, which keeps applying
     * changes to both indexes meanwhile. A case that a change has already written to the new index is skipped (the
     * change is at least as new as the page's read). A page can still lose that race (read before a change, added
     * after it); it cannot win it, because {@link #swapIn} writes every such change to the new index again, after
     * all the pages.
     */
    public void stage(CaseIndex built, List<CaseDocument> documents) {
        var fresh = new ArrayList<CaseDocument>(documents.size());
        for (CaseDocument d : documents) {
            if (!stagedCases.containsKey(key(d.domainId(), d.caseId())) && !stagedDomains.contains(d.domainId())) {
                fresh.add(d);
            }
        }
        built.addNew(fresh);
    }

    /**
     * Makes the built index the live one (the live index takes over its contents); returns the ticket. Call it once
     * every page has been staged. Before the swap, the changes made during the rebuild are written to the new index
     * once more, so each case ends as its latest change left it whatever the pages added. Searches do not wait for
     * it: every change before it is in both indexes, so either answers them the same.
     */
    public long swapIn() {
        return enqueue(index -> {
            CaseIndex built = staging;
            staging = null;
            try {
                if (built != null) {
                    stagedDomains.forEach(built::removeDomain);
                    for (Staged change : stagedCases.values()) {
                        if (change.document().isPresent()) {
                            built.upsert(change.document().get());
                        } else {
                            built.remove(change.domainId(), change.caseId());
                        }
                    }
                    live.replaceWith(built);
                }
            } finally {
                stagedCases.clear();
                stagedDomains.clear();
            }
        }, false);
    }

    /** Drops the index being built (a rebuild that failed); changes go to the live index only again. */
    public void abandonStaging() {
        enqueue(index -> {
            staging = null;
            stagedCases.clear();
            stagedDomains.clear();
        }, false);
    }

    private void run() {
        // Taken from the queue and not applied yet: a batch stops early once what someone waits for is applied.
        var batch = new ArrayDeque<Task>();
        long applied = 0;
        boolean hidden = false;
        long hiddenSince = 0;
        boolean gather = false;
        while (!closed) {
            try {
                if (batch.isEmpty()) {
                    long wait = hidden ? Math.max(0, hiddenSince + hiddenLimit() - System.nanoTime())
                            : TimeUnit.MILLISECONDS.toNanos(100);
                    long deadline = System.nanoTime() + wait;
                    if (gather && wanted.get() <= visible) {
                        // Writes queue meanwhile without waking this thread; a waiter's wake() unparks it.
                        LockSupport.parkNanos(this, Math.min(GATHER_NANOS, wait));
                    }
                    Task first = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (first != null) {
                        batch.add(first);
                    } else if (!hidden && queue.isEmpty()) {
                        // Idle, everything applied is visible: show the merges finished since (never a write).
                        showCompletedMerges();
                    }
                }
                queue.drainTo(batch, MAX_BATCH - batch.size());
                gather = false;
                while (!batch.isEmpty()) {
                    Task task = batch.peek();
                    if (task == WAKE) {
                        batch.poll();
                        wakeQueued.set(false);
                        continue;
                    }
                    if (task.changesLive() && !hidden) {
                        hidden = true;
                        hiddenSince = System.nanoTime();
                    }
                    apply(task);
                    gather = true;
                    batch.poll();
                    applied = task.ticket();
                    long want = wanted.get();
                    if (want > visible && applied >= want) {
                        // Every waiter's change is applied: the later ones need not delay its refresh.
                        break;
                    }
                }
                if (hidden && (wanted.get() > visible || System.nanoTime() - hiddenSince >= hiddenLimit())) {
                    soon = false;
                    refresh();
                    hidden = false;
                }
                if (!hidden && applied > visible) {
                    publish(applied);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // Keep the thread alive whatever happened; the tickets still advance so no search waits forever.
                failed = true;
                LOG.log(Level.SEVERE, "Case indexer batch failed; the index will be healed from the store", e);
                hidden = false;
                for (Task task : batch) {
                    applied = Math.max(applied, task.ticket());
                }
                batch.clear();
                // A wake-up dropped with the batch must not keep waiters from queuing the next one.
                wakeQueued.set(false);
                if (applied > visible) {
                    publish(applied);
                }
            }
        }
    }

    /** How long applied changes may stay invisible now. */
    private long hiddenLimit() {
        return soon ? Math.min(SOON_NANOS, maxHiddenNanos) : maxHiddenNanos;
    }

    private void apply(Task task) {
        try {
            task.change().accept(task.changesLive() && staging != null ? new Both(live, staging) : live);
        } catch (RuntimeException e) {
            failed = true;
            LOG.log(Level.SEVERE, "Case index update failed; the index will be healed from the store", e);
        }
    }

    private void showCompletedMerges() {
        try {
            live.showCompletedMerges();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Showing the index's completed merges failed; the next refresh shows them", e);
        }
    }

    private void refresh() {
        try {
            live.refresh();
        } catch (RuntimeException e) {
            failed = true;
            LOG.log(Level.SEVERE, "Case index refresh failed; the index will be healed from the store", e);
        }
    }

    private void publish(long ticket) {
        // The refresh showing these changes is done: searches from now on find them in the index.
        // A domain's map stays once emptied (one per domain written to): dropping it would need the submit lock,
        // which writers' hand-overs would then wait for.
        for (var cases : recent.values()) {
            cases.values().removeIf(entry -> entry.ticket <= ticket);
        }
        visibleLock.lock();
        try {
            visible = ticket;
            advanced.signalAll();
        } finally {
            visibleLock.unlock();
        }
    }

    private static String key(String domainId, String caseId) {
        return domainId + "/" + caseId;
    }

    /** Stops the thread once the queue is drained (at shutdown). */
    @Override
    public void close() {
        awaitIdle();
        closed = true;
        thread.interrupt();
        visibleLock.lock();
        try {
            advanced.signalAll();
        } finally {
            visibleLock.unlock();
        }
        // The index is closed right after this; an idle indexer still showing merges would find it closed.
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The live index and the one being built: a change goes to both, and the built one remembers what it got. */
    private final class Both implements CaseIndex {
        private final CaseIndex first;
        private final CaseIndex second;

        Both(CaseIndex first, CaseIndex second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void upsert(CaseDocument document) {
            first.upsert(document);
            stagedCases.put(key(document.domainId(), document.caseId()),
                    new Staged(document.domainId(), document.caseId(), Optional.of(document)));
            second.upsert(document);
        }

        @Override
        public void remove(String domainId, String caseId) {
            first.remove(domainId, caseId);
            stagedCases.put(key(domainId, caseId), new Staged(domainId, caseId, Optional.empty()));
            second.remove(domainId, caseId);
        }

        @Override
        public void removeDomain(String domainId) {
            first.removeDomain(domainId);
            // The domain's id is never used again: its cases' changes need no replay, only its removal.
            stagedDomains.add(domainId);
            stagedCases.values().removeIf(change -> change.domainId().equals(domainId));
            second.removeDomain(domainId);
        }

        @Override
        public Hits search(String domainId, Query query) {
            return first.search(domainId, query);
        }

        @Override
        public void clear() {
            first.clear();
            second.clear();
        }
    }
}
