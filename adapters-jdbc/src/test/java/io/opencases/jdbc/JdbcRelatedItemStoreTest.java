package io.opencases.jdbc;

import io.opencases.application.port.RelatedItemStore;
import io.opencases.application.port.contract.RelatedItemStoreContract;
import io.opencases.application.port.contract.StoreRepositories;
import io.opencases.application.relateditem.RepositoryRelatedItemStore;

/** The related-item store on the PostgreSQL repositories against the shared RelatedItemStoreContract. */
class JdbcRelatedItemStoreTest implements RelatedItemStoreContract {
    private static final JdbcStorage STORAGE = TestDatabase.storage();

    @Override
    public RelatedItemStore relatedItemStore() {
        return new RepositoryRelatedItemStore(STORAGE.domains(), STORAGE.fields(), STORAGE.cases(),
                STORAGE.relatedItems(), STORAGE.tags(), STORAGE.auditLog());
    }

    @Override
    public StoreRepositories repositories() {
        return TestDatabase.repositories();
    }
}
