package io.opencases.application.port;

import io.opencases.domain.cases.AuditEvent;

import java.util.List;

/** The audit history of each case, kept in the order events were appended. */
public interface AuditLog {
    void append(AuditEvent event);

    /** Up to {@code limit} events of the case after the first {@code skip}, oldest first. */
    List<AuditEvent> events(String domainId, String caseId, int skip, int limit);

    void deleteCase(String domainId, String caseId);

    void deleteAllInDomain(String domainId);
}
