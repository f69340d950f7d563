package io.opencases.application.search;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the search index a faithful copy of the store, which is the source of truth: rebuilds it from the store
 * when it is missing or unusable, catches it up from the change feed after a restart, and follows the feed while
 * the server runs so changes made through other instances (or lost between a commit and the index update in a
 * crash) reach this instance's index.
 *
 * <p>Feed positions are taken before commit, so a change can become visible after one with a higher position. The
 * follower therefore re-reads the last {@code lookback} of the feed on every pass, skipping what it has applied;
 * the checkpointed position only moves past changes older than that window. Not for concurrent use: one thread
 * (the server's maintenance loop) calls it.
 */
public final class CaseIndexMaintenance {
    private static final int BATCH = 1_000;
    /** Longer than any write transaction takes between recording its change and committing. */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofSeconds(10);

    private final CaseIndex index;
    private final CaseChangeFeed feed;
    private final CaseRepository cases;
    private final DomainRepository domains;
    private final CaseIndexing indexing;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration lookback;

    /** Everything at or below this position has been applied. */
    private long settled;
    /** Positions above {@code settled} already applied. */
    private final Set<Long> applied = new HashSet<>();
    /** The highest position read so far. */
    private long highestSeen;
    private Instant lastWindowPass;

    public CaseIndexMaintenance(CaseIndex index, CaseChangeFeed feed, CaseRepository cases, DomainRepository domains,
                                CaseIndexing indexing, UnitOfWork unitOfWork, Clock clock, Duration lookback) {
        this.index = index;
        this.feed = feed;
        this.cases = cases;
        this.domains = domains;
        this.indexing = indexing;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.lookback = lookback;
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
            long applied = catchUp(settled);
            return new Outcome(false, 0, applied, Duration.ofNanos(System.nanoTime() - began));
        }
        long count = rebuild();
        return new Outcome(true, count, 0, Duration.ofNanos(System.nanoTime() - began));
    }

    /**
     * Rebuilds the index from the store: clears it, indexes every case, checkpoints, then applies what changed
     * meanwhile. Returns how many cases were indexed. Search answers from a partial index while this runs.
     */
    public long rebuild() {
        long from = feed.head();
        indexing.forgetApplied();
        applied.clear();
        highestSeen = 0;
        index.clear();
        long count = 0;
        String afterDomain = null;
        String afterCase = null;
        Map<String, Optional<String>> accounts = new HashMap<>();
        while (true) {
            String d = afterDomain;
            String c = afterCase;
            List<Case> page = unitOfWork.read(() -> cases.listAfter(d, c, BATCH));
            if (page.isEmpty()) {
                break;
            }
            // One read per page: the cases' domains (each once per rebuild) and all their tags in one lookup.
            List<CaseDocument> documents = unitOfWork.read(() -> indexing.documents(page, domainId ->
                    accounts.computeIfAbsent(domainId, id -> domains.findById(id).map(domain -> domain.accountId()))));
            index.upsertAll(documents);
            count += documents.size();
            Case last = page.get(page.size() - 1);
            afterDomain = last.domainId();
            afterCase = last.caseId();
        }
        // Changes made while the store was walked may or may not be in what was read: apply them again.
        settled = from;
        catchUp(settled);
        index.checkpoint(settled);
        return count;
    }

    /**
     * One pass over the feed: applies what changed and was not applied here already. Most passes read only what is
     * new since the last; every tenth of the look-back a pass re-reads the whole window for late-visible changes.
     */
    public long follow() {
        Instant now = clock.now();
        if (lastWindowPass == null || !now.isBefore(lastWindowPass.plus(lookback.dividedBy(10)))) {
            lastWindowPass = now;
            return catchUp(settled);
        }
        return catchUp(Math.max(settled, highestSeen));
    }

    /** The highest feed position this instance has read and applied (for the lag behind the feed's head). */
    public long position() {
        return Math.max(settled, highestSeen);
    }

    /** Makes the index durable up to what is settled. */
    public void checkpoint() {
        index.checkpoint(settled);
    }

    /** Lets the feed forget changes older than {@code retention}; an index further behind rebuilds at start. */
    public void prune(Duration retention) {
        Instant before = clock.now().minus(retention.compareTo(lookback) > 0 ? retention : lookback.multipliedBy(2));
        unitOfWork.write(() -> feed.prune(before));
    }

    private long catchUp(long from) {
        Instant horizon = clock.now().minus(lookback);
        long position = from;
        long count = 0;
        // Only a pass that starts at the settled position can move it.
        boolean settling = from == settled;
        while (true) {
            long after = position;
            List<CaseChangeFeed.Change> changes = unitOfWork.read(() -> feed.after(after, BATCH));
            if (changes.isEmpty()) {
                break;
            }
            for (CaseChangeFeed.Change change : changes) {
                position = change.position();
                highestSeen = Math.max(highestSeen, position);
                if (change.position() > settled && !applied.contains(change.position())) {
                    if (!indexing.appliedHere(change.position())) {
                        apply(change);
                        count++;
                    }
                    applied.add(change.position());
                }
                // Only changes older than the look-back window are settled: nothing earlier can still appear.
                settling = settling && change.recordedAt().isBefore(horizon);
                if (settling && change.position() > settled) {
                    settled = change.position();
                }
            }
        }
        applied.removeIf(p -> p <= settled);
        indexing.forgetOrderThrough(settled);
        return count;
    }

    /** Whether the feed still holds every change after the checkpoint (pruning may have forgotten some). */
    private boolean feedCovers(long checkpoint) {
        return checkpoint >= unitOfWork.read(feed::prunedThrough) && checkpoint <= unitOfWork.read(feed::head);
    }

    private void apply(CaseChangeFeed.Change change) {
        if (change.caseId() == null) {
            // The domain may have been deleted and its id never reused: drop whatever the index holds of it.
            if (unitOfWork.read(() -> domains.findById(change.domainId())).isEmpty()) {
                index.removeDomain(change.domainId());
            }
            return;
        }
        var document = unitOfWork.read(() -> domains.findById(change.domainId())
                .flatMap(domain -> cases.find(change.domainId(), change.caseId())
                        .map(aCase -> indexing.document(domain.accountId(), aCase))));
        // What was read is at least as new as this change; a later change applied meanwhile wins.
        indexing.applyInOrder(change.domainId(), change.caseId(), change.position(), () -> {
            if (document.isPresent()) {
                index.upsert(document.get());
            } else {
                index.remove(change.domainId(), change.caseId());
            }
        });
    }
}
