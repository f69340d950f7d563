package io.opencases.memory;

import io.opencases.application.merge.RepositoryMergeStore;
import io.opencases.application.port.MergeStore;
import io.opencases.application.port.contract.MergeStoreContract;
import io.opencases.application.port.contract.StoreRepositories;

/** The merge store on the in-memory repositories against the shared MergeStoreContract. */
class MemoryMergeStoreTest implements MergeStoreContract {
    private final MemoryRepositories repositories = MemoryRepositories.create();
    private final MergeStore store = new RepositoryMergeStore(repositories.domains(), repositories.fields(),
            repositories.cases(), repositories.relatedItems(), repositories.tags(), repositories.auditLog(),
            repositories.mergeJobs());

    @Override
    public MergeStore mergeStore() {
        return store;
    }

    @Override
    public StoreRepositories repositories() {
        return repositories.ports();
    }
}
