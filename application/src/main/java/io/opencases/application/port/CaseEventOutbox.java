package io.opencases.application.port;

import io.opencases.domain.event.CaseEvent;

import java.time.Instant;
import java.util.List;

/**
 * Events waiting to be delivered. Use cases append in the same unit of work as the change they report, so an
 * acknowledged change always has its event; delivery happens afterwards, from here, until it succeeds.
 */
public interface CaseEventOutbox {

    /** A stored event with its delivery state; {@code sequence} orders events as they were appended. */
    record Entry(long sequence, CaseEvent event, int attempts, Instant nextAttemptAt) {
    }

    /** An event given up on after the last attempt, kept for operators. */
    record DeadLetter(long sequence, CaseEvent event, int attempts, String lastError) {
    }

    void append(CaseEvent event);

    /** Up to {@code limit} undelivered, not dead events in sequence order. */
    List<Entry> pending(int limit);

    void markDelivered(long sequence);

    void recordFailure(long sequence, int attempts, Instant nextAttemptAt);

    void markDead(long sequence, int attempts, String lastError);

    List<DeadLetter> deadLetters();

    /** Drops the domain's events, pending and dead alike: the domain's data was erased (a test reset). */
    void discardDomain(String domainId);

    /**
     * Whether this server instance may deliver now. With several instances on one store only the holder of the
     * delivery lease delivers, so each event goes out once and in order per case, not once per instance. The lease
     * is kept until the instance stops (or its connection to the store is lost); asking again is cheap.
     */
    default boolean acquireDeliveryLease() {
        return true;
    }
}
