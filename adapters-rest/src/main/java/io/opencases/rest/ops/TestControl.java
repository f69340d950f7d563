package io.opencases.rest.ops;

import io.opencases.domain.event.CaseEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the test control plane ({@code /_opencases/}) can do to the server; bootstrap implements it. */
public interface TestControl {
    /** Erases the account's data; returns the erased domains' ids. */
    List<String> resetAccount(String accountId);

    /** Erases every account's data; returns the erased domains' ids. */
    List<String> resetAll();

    Instant now();

    /** How far the server's clock is from the system's. */
    Duration clockOffset();

    void setClock(Instant time);

    void advanceClock(Duration by);

    void resetClock();

    /** The account's case events in every state this server knows of. */
    List<EventRecord> events(String accountId);

    /**
     * One case event: {@code state} is "delivered", "pending" (not tried yet), "retrying" (failed, will be tried
     * again at {@code nextAttemptAt}) or "dead" (given up, {@code lastError} says why).
     */
    record EventRecord(String state, CaseEvent event, int attempts, Instant nextAttemptAt, Instant deliveredAt,
                       String lastError) {
    }
}
