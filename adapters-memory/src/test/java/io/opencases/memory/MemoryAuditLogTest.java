package io.opencases.memory;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.contract.AuditLogContract;

/** The in-memory AuditLog against the shared AuditLogContract. */
class MemoryAuditLogTest implements AuditLogContract {
    private final MemoryAuditLog log = new MemoryAuditLog();

    @Override
    public AuditLog auditLog() {
        return log;
    }
}
