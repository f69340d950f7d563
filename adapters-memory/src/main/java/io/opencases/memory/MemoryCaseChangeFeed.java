package io.opencases.memory;

import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.Clock;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The change feed in memory: positions are handed out under the writers' lock, so they are visible in order. */
public final class MemoryCaseChangeFeed implements CaseChangeFeed {
    private final ConcurrentSkipListMap<Long, Change> changes = new ConcurrentSkipListMap<>();
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong prunedThrough = new AtomicLong();
    private final Clock clock;

    public MemoryCaseChangeFeed(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long append(String domainId, String caseId) {
        long position = head.incrementAndGet();
        changes.put(position, new Change(position, domainId, caseId, clock.now()));
        return position;
    }

    @Override
    public long appendConfigurationChange(String domainId) {
        long position = head.incrementAndGet();
        changes.put(position, new Change(position, domainId, null, clock.now(), Change.Kind.CONFIGURATION));
        return position;
    }

    @Override
    public List<Change> after(long position, int limit) {
        return changes.tailMap(position, false).values().stream().limit(limit).toList();
    }

    /** Positions are handed out and recorded under the writers' lock: a change is visible once it has a position. */
    @Override
    public Mark mark() {
        return new Mark(head.get(), 0);
    }

    @Override
    public boolean settled(Mark mark) {
        return true;
    }

    @Override
    public long head() {
        return head.get();
    }

    @Override
    public void prune(Instant before) {
        changes.values().removeIf(c -> {
            if (c.recordedAt().isBefore(before)) {
                prunedThrough.accumulateAndGet(c.position(), Math::max);
                return true;
            }
            return false;
        });
    }

    @Override
    public long prunedThrough() {
        return prunedThrough.get();
    }
}
