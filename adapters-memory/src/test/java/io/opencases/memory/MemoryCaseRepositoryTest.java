package io.opencases.memory;

import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.contract.CaseRepositoryContract;

/** The in-memory CaseRepository against the shared CaseRepositoryContract. */
class MemoryCaseRepositoryTest implements CaseRepositoryContract {
    private final MemoryCaseRepository repository = new MemoryCaseRepository();

    @Override
    public CaseRepository caseRepository() {
        return repository;
    }
}
