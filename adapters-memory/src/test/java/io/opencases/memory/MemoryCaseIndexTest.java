package io.opencases.memory;

import io.opencases.application.port.CaseIndex;
import io.opencases.application.port.contract.CaseIndexContract;

/** The reference in-memory index against the shared CaseIndexContract. */
class MemoryCaseIndexTest implements CaseIndexContract {
    private final MemoryCaseIndex index = new MemoryCaseIndex();

    @Override
    public CaseIndex caseIndex() {
        return index;
    }
}
