package io.opencases.memory;

import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.contract.CaseRuleRepositoryContract;

/** The in-memory CaseRuleRepository against the shared CaseRuleRepositoryContract. */
class MemoryCaseRuleRepositoryTest implements CaseRuleRepositoryContract {
    private final MemoryCaseRuleRepository repository = new MemoryCaseRuleRepository();

    @Override
    public CaseRuleRepository repository() {
        return repository;
    }
}
