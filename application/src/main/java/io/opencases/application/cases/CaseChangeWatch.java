package io.opencases.application.cases;

import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.Clock;
import io.opencases.application.port.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Tells live views which cases changed, on this instance or any other, by following the store's change feed from
 * the moment the watch starts. A position below one already seen may still become visible (its writer committed
 * later), so gaps are watched for a while before being given up; each change is reported once.
 */
public final class CaseChangeWatch {
    /** How long a gap in positions is waited for before it is taken to be a write that rolled back. */
    static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
    private static final int BATCH = 1000;

    /** One reported change; {@code caseId} is null when a whole domain was deleted. */
    public record CaseChanged(String domainId, String caseId) {
    }

    private final CaseChangeFeed feed;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    /** Every position up to here was reported or given up. */
    private long cursor = -1;
    /** Positions above the cursor already reported, with when they were first seen. */
    private final TreeMap<Long, Instant> seen = new TreeMap<>();

    public CaseChangeWatch(CaseChangeFeed feed, UnitOfWork unitOfWork, Clock clock) {
        this.feed = feed;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The changes that became visible since the last poll (none on the first, which starts the watch). */
    public synchronized List<CaseChanged> poll() {
        if (cursor < 0) {
            cursor = unitOfWork.read(feed::head);
            return List.of();
        }
        var changed = new ArrayList<CaseChanged>();
        Instant now = clock.now();
        List<CaseChangeFeed.Change> changes;
        long from = cursor;
        do {
            long after = from;
            changes = unitOfWork.read(() -> feed.after(after, BATCH));
            for (var change : changes) {
                // A configuration change is no change of a case (nor a deleted domain): nothing to report.
                if (seen.putIfAbsent(change.position(), now) == null
                        && change.kind() != CaseChangeFeed.Change.Kind.CONFIGURATION) {
                    changed.add(new CaseChanged(change.domainId(), change.caseId()));
                }
                from = change.position();
            }
        } while (changes.size() == BATCH);
        advance(now);
        return changed;
    }

    private void advance(Instant now) {
        while (!seen.isEmpty()) {
            var first = seen.firstEntry();
            boolean contiguous = first.getKey() == cursor + 1;
            if (!contiguous && first.getValue().plus(GAP_PATIENCE).isAfter(now)) {
                return;
            }
            cursor = first.getKey();
            seen.pollFirstEntry();
        }
    }
}
