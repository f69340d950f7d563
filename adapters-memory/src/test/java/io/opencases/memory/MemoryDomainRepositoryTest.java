package io.opencases.memory;

import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.contract.DomainRepositoryContract;

/** The in-memory DomainRepository against the shared DomainRepositoryContract. */
class MemoryDomainRepositoryTest implements DomainRepositoryContract {
    private final MemoryDomainRepository repository = new MemoryDomainRepository();

    @Override
    public DomainRepository domainRepository() {
        return repository;
    }
}
