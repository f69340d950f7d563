package io.opencases.jdbc;

import io.opencases.application.port.CaseEventOutbox;
import io.opencases.domain.event.CaseEvent;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/**
 * The outbox table: appended in the use case's transaction, ordered by its bigserial sequence. A delivered event
 * is deleted; a dead one moves to the dead-letter table in one statement. Only the holder of the
 * {@link DeliveryLease} delivers.
 */
final class JdbcCaseEventOutbox implements CaseEventOutbox {
    private final Jdbi jdbi;
    private final DeliveryLease lease;

    JdbcCaseEventOutbox(Jdbi jdbi, DeliveryLease lease) {
        this.jdbi = jdbi;
        this.lease = lease;
    }

    @Override
    public void append(CaseEvent event) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO case_event_outbox (event) VALUES (CAST(:event AS jsonb))")
                .bind("event", Documents.write(event))
                .execute());
    }

    @Override
    public List<Entry> pending(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT sequence, event, attempts, next_attempt_at "
                        + "FROM case_event_outbox ORDER BY sequence LIMIT :limit")
                .bind("limit", limit)
                .map((row, ctx) -> new Entry(row.getLong("sequence"),
                        Documents.read(row.getString("event"), CaseEvent.class), row.getInt("attempts"),
                        Rows.instant(row, "next_attempt_at")))
                .list());
    }

    @Override
    public void markDelivered(long sequence) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM case_event_outbox WHERE sequence = :sequence")
                .bind("sequence", sequence)
                .execute());
    }

    @Override
    public void recordFailure(long sequence, int attempts, Instant nextAttemptAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE case_event_outbox "
                        + "SET attempts = :attempts, next_attempt_at = :nextAttemptAt WHERE sequence = :sequence")
                .bind("sequence", sequence)
                .bind("attempts", attempts)
                .bind("nextAttemptAt", nextAttemptAt)
                .execute());
    }

    @Override
    public void markDead(long sequence, int attempts, String lastError) {
        jdbi.useHandle(h -> h.createUpdate("WITH dead AS (DELETE FROM case_event_outbox WHERE sequence = :sequence "
                        + "RETURNING sequence, event) INSERT INTO case_event_dead_letters "
                        + "(sequence, event, attempts, last_error) SELECT sequence, event, :attempts, :lastError FROM dead")
                .bind("sequence", sequence)
                .bind("attempts", attempts)
                .bind("lastError", lastError)
                .execute());
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return jdbi.withHandle(h -> h.createQuery("SELECT sequence, event, attempts, last_error "
                        + "FROM case_event_dead_letters ORDER BY sequence")
                .map((row, ctx) -> new DeadLetter(row.getLong("sequence"),
                        Documents.read(row.getString("event"), CaseEvent.class), row.getInt("attempts"),
                        row.getString("last_error")))
                .list());
    }

    @Override
    public void discardDomain(String domainId) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM case_event_outbox WHERE event->>'domainId' = :domainId")
                    .bind("domainId", domainId).execute();
            h.createUpdate("DELETE FROM case_event_dead_letters WHERE event->>'domainId' = :domainId")
                    .bind("domainId", domainId).execute();
        });
    }

    /** See {@link DeliveryLease}: a PostgreSQL advisory lock held by this storage's dedicated session. */
    @Override
    public boolean acquireDeliveryLease() {
        return lease.acquire();
    }
}
