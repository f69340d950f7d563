package io.opencases.jdbc;

import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.contract.CaseEventOutboxContract;

/** The PostgreSQL outbox against the shared CaseEventOutboxContract; each test starts from empty outbox tables. */
class JdbcCaseEventOutboxTest implements CaseEventOutboxContract {
    @Override
    public CaseEventOutbox newOutbox() {
        JdbcStorage storage = TestDatabase.storage();
        storage.jdbi().useHandle(h -> h.execute("TRUNCATE case_event_outbox, case_event_dead_letters"));
        return storage.outbox();
    }
}
