package io.opencases.jdbc;

import io.opencases.application.port.CaseChangeFeed;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/**
 * The change feed table: positions from its sequence, recording times from the database clock. The prune
 * watermark is kept in a one-row table so it survives restarts.
 *
 * <p>Settling (V4): a row's position default first gives its transaction an id, then takes the position, so a
 * transaction holding a position at or below a head read earlier has an id below one given out after that read (the
 * fence). Once the oldest running transaction (a snapshot's xmin) is past the fence, every such transaction has
 * ended, committed or not, however long it ran. (A snapshot's xmax would not do as the fence: it is the last
 * completed id plus one, and transactions with higher ids may already be running.)
 */
final class JdbcCaseChangeFeed implements CaseChangeFeed {
    private final Jdbi jdbi;

    JdbcCaseChangeFeed(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long append(String domainId, String caseId) {
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO case_changes (domain_id, case_id) "
                        + "VALUES (:domainId, :caseId) RETURNING position")
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .mapTo(long.class)
                .one());
    }

    /** A row of no case marked {@code configuration} (V9); the others are case changes and domain deletions. */
    @Override
    public long appendConfigurationChange(String domainId) {
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO case_changes (domain_id, configuration) "
                        + "VALUES (:domainId, true) RETURNING position")
                .bind("domainId", domainId)
                .mapTo(long.class)
                .one());
    }

    @Override
    public List<Change> after(long position, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT position, domain_id, case_id, recorded_at, configuration "
                        + "FROM case_changes WHERE position > :position ORDER BY position LIMIT :limit")
                .bind("position", position)
                .bind("limit", limit)
                .map((row, ctx) -> {
                    String caseId = row.getString("case_id");
                    Change.Kind kind = row.getBoolean("configuration") ? Change.Kind.CONFIGURATION
                            : caseId == null ? Change.Kind.DOMAIN_DELETED : Change.Kind.CASE;
                    return new Change(row.getLong("position"), row.getString("domain_id"), caseId,
                            Rows.instant(row, "recorded_at"), kind);
                })
                .list());
    }

    /**
     * The head first, then a transaction id given out after it (a statement of its own, which takes one id: a follower
     * spends about ten a second, far below what VACUUM's freezing handles).
     */
    @Override
    public Mark mark() {
        long position = head();
        long fence = jdbi.withHandle(h -> h.createQuery("SELECT pg_current_xact_id()::text::bigint")
                .mapTo(long.class)
                .one());
        return new Mark(position, fence);
    }

    @Override
    public boolean settled(Mark mark) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint "
                        + "> :fence")
                .bind("fence", mark.fence())
                .mapTo(boolean.class)
                .one());
    }

    /** The sequence's last value: at least every position handed out, committed or not (0 before the first). */
    @Override
    public long head() {
        return jdbi.withHandle(h -> h.createQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END "
                        + "FROM case_changes_position_seq")
                .mapTo(long.class)
                .one());
    }

    @Override
    public void prune(Instant before) {
        jdbi.useHandle(h -> h.createUpdate("WITH pruned AS (DELETE FROM case_changes WHERE recorded_at < :before "
                        + "RETURNING position) UPDATE case_change_feed_state "
                        + "SET pruned_through = GREATEST(pruned_through, (SELECT max(position) FROM pruned))")
                .bind("before", before)
                .execute());
    }

    @Override
    public long prunedThrough() {
        return jdbi.withHandle(h -> h.createQuery("SELECT pruned_through FROM case_change_feed_state")
                .mapTo(long.class)
                .one());
    }
}
