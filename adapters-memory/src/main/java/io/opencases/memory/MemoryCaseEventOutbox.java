package io.opencases.memory;

import io.opencases.application.port.CaseEventOutbox;
import io.opencases.domain.event.CaseEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** The outbox in memory: delivery survives receiver outages, but (like all memory storage) not a restart. */
public final class MemoryCaseEventOutbox implements CaseEventOutbox {
    private final ConcurrentSkipListMap<Long, Entry> pending = new ConcurrentSkipListMap<>();
    private final List<DeadLetter> dead = new ArrayList<>();
    private long nextSequence = 1;

    @Override
    public synchronized void append(CaseEvent event) {
        long sequence = nextSequence++;
        pending.put(sequence, new Entry(sequence, event, 0, null));
    }

    @Override
    public List<Entry> pending(int limit) {
        return pending.values().stream().limit(limit).toList();
    }

    @Override
    public void markDelivered(long sequence) {
        pending.remove(sequence);
    }

    @Override
    public void recordFailure(long sequence, int attempts, Instant nextAttemptAt) {
        pending.computeIfPresent(sequence, (s, e) -> new Entry(s, e.event(), attempts, nextAttemptAt));
    }

    @Override
    public synchronized void markDead(long sequence, int attempts, String lastError) {
        Entry entry = pending.remove(sequence);
        if (entry != null) {
            dead.add(new DeadLetter(sequence, entry.event(), attempts, lastError));
        }
    }

    @Override
    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(dead);
    }

    @Override
    public synchronized void discardDomain(String domainId) {
        pending.values().removeIf(e -> e.event().domainId().equals(domainId));
        dead.removeIf(d -> d.event().domainId().equals(domainId));
    }
}
