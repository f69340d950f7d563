package io.opencases.jdbc;

import io.opencases.application.port.BatchReceipts;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Batch receipts keyed by (domain, operation, token), their entries one row per position. */
final class JdbcBatchReceipts implements BatchReceipts {
    private static final RowMapper<Entry> ENTRY = (row, ctx) -> Documents.read(row.getString(1), Entry.class);

    private final Jdbi jdbi;

    JdbcBatchReceipts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Receipt> find(String domainId, String operation, String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT fingerprint, created_time FROM batch_receipts "
                        + "WHERE domain_id = :domainId AND operation = :operation AND token = :token")
                .bind("domainId", domainId).bind("operation", operation).bind("token", token)
                .map((row, ctx) -> new Receipt(domainId, operation, token, row.getString("fingerprint"),
                        Rows.instant(row, "created_time")))
                .findOne());
    }

    @Override
    public void open(Receipt receipt) {
        jdbi.useHandle(h -> h.createUpdate("WITH entries AS (DELETE FROM batch_receipt_entries "
                        + "WHERE domain_id = :domainId AND operation = :operation AND token = :token) "
                        + "INSERT INTO batch_receipts (domain_id, operation, token, fingerprint, created_time) "
                        + "VALUES (:domainId, :operation, :token, :fingerprint, :createdTime) "
                        + "ON CONFLICT (domain_id, operation, token) DO UPDATE SET "
                        + "fingerprint = excluded.fingerprint, created_time = excluded.created_time")
                .bind("domainId", receipt.domainId()).bind("operation", receipt.operation())
                .bind("token", receipt.token()).bind("fingerprint", receipt.fingerprint())
                .bind("createdTime", receipt.createdTime())
                .execute());
    }

    @Override
    public void record(String domainId, String operation, String token, Entry entry) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO batch_receipt_entries "
                        + "(domain_id, operation, token, position, doc) "
                        + "VALUES (:domainId, :operation, :token, :position, CAST(:doc AS jsonb))")
                .bind("domainId", domainId).bind("operation", operation).bind("token", token)
                .bind("position", entry.position()).bind("doc", Documents.write(entry))
                .execute());
    }

    @Override
    public Optional<Entry> entry(String domainId, String operation, String token, int position) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM batch_receipt_entries "
                        + "WHERE domain_id = :domainId AND operation = :operation AND token = :token "
                        + "AND position = :position")
                .bind("domainId", domainId).bind("operation", operation).bind("token", token)
                .bind("position", position)
                .map(ENTRY).findOne());
    }

    @Override
    public List<Entry> entries(String domainId, String operation, String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM batch_receipt_entries "
                        + "WHERE domain_id = :domainId AND operation = :operation AND token = :token "
                        + "ORDER BY position")
                .bind("domainId", domainId).bind("operation", operation).bind("token", token)
                .map(ENTRY).list());
    }
}
