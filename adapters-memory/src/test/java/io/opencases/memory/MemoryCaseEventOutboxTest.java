package io.opencases.memory;

import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.contract.CaseEventOutboxContract;

/** The in-memory outbox against the shared CaseEventOutboxContract. */
class MemoryCaseEventOutboxTest implements CaseEventOutboxContract {
    @Override
    public CaseEventOutbox newOutbox() {
        return new MemoryCaseEventOutbox();
    }
}
