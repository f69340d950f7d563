package io.opencases.memory;

import io.opencases.application.port.TagStore;
import io.opencases.application.port.contract.StoreRepositories;
import io.opencases.application.port.contract.TagStoreContract;
import io.opencases.application.tag.RepositoryTagStore;

/** The tag store on the in-memory repositories against the shared TagStoreContract. */
class MemoryTagStoreTest implements TagStoreContract {
    private final MemoryRepositories repositories = MemoryRepositories.create();
    private final TagStore store = new RepositoryTagStore(repositories.domains(), repositories.domainContents(),
            repositories.cases(), repositories.tags());

    @Override
    public TagStore tagStore() {
        return store;
    }

    @Override
    public StoreRepositories repositories() {
        return repositories.ports();
    }
}
