package io.opencases.memory;

import io.opencases.application.port.RelatedItemStore;
import io.opencases.application.port.contract.RelatedItemStoreContract;
import io.opencases.application.port.contract.StoreRepositories;
import io.opencases.application.relateditem.RepositoryRelatedItemStore;

/** The related-item store on the in-memory repositories against the shared RelatedItemStoreContract. */
class MemoryRelatedItemStoreTest implements RelatedItemStoreContract {
    private final MemoryRepositories repositories = MemoryRepositories.create();
    private final RelatedItemStore store = new RepositoryRelatedItemStore(repositories.domains(),
            repositories.fields(), repositories.cases(), repositories.relatedItems(), repositories.tags(),
            repositories.auditLog());

    @Override
    public RelatedItemStore relatedItemStore() {
        return store;
    }

    @Override
    public StoreRepositories repositories() {
        return repositories.ports();
    }
}
