package io.opencases.jdbc;

import io.opencases.application.port.AuditLog;
import io.opencases.domain.cases.AuditEvent;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** Audit events as documents; the table's sequence keeps each case's events in append order. */
final class JdbcAuditLog implements AuditLog {
    private final Jdbi jdbi;

    JdbcAuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void append(AuditEvent event) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_events (domain_id, case_id, doc) "
                        + "VALUES (:domainId, :caseId, CAST(:doc AS jsonb))")
                .bind("domainId", event.domainId())
                .bind("caseId", event.caseId())
                .bind("doc", AuditEventCodec.write(event))
                .execute());
    }

    @Override
    public List<AuditEvent> events(String domainId, String caseId, int skip, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM audit_events "
                        + "WHERE domain_id = :domainId AND case_id = :caseId ORDER BY sequence OFFSET :skip LIMIT :limit")
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .bind("skip", skip)
                .bind("limit", limit)
                .map((row, ctx) -> Documents.read(row.getString(1), AuditEvent.class))
                .list());
    }

    @Override
    public void deleteCase(String domainId, String caseId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM audit_events WHERE domain_id = :domainId AND case_id = :caseId")
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .execute());
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM audit_events WHERE domain_id = :domainId")
                .bind("domainId", domainId)
                .execute());
    }
}
