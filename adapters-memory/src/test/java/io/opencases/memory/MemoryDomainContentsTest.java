package io.opencases.memory;

import io.opencases.application.port.DomainContents;
import io.opencases.application.port.contract.DomainContentsContract;
import io.opencases.application.port.contract.StoreRepositories;

/** The in-memory DomainContents against the shared DomainContentsContract. */
class MemoryDomainContentsTest implements DomainContentsContract {
    private final MemoryRepositories repositories = MemoryRepositories.create();
    private final MemoryDomainContents contents = repositories.domainContents();

    @Override
    public DomainContents domainContents() {
        return contents;
    }

    @Override
    public StoreRepositories repositories() {
        return repositories.ports();
    }
}
