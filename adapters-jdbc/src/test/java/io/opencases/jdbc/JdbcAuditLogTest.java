package io.opencases.jdbc;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.contract.AuditLogContract;

/** The PostgreSQL AuditLog against the shared AuditLogContract. */
class JdbcAuditLogTest implements AuditLogContract {
    @Override
    public AuditLog auditLog() {
        return TestDatabase.storage().auditLog();
    }
}
