package io.opencases.jdbc;

import io.opencases.application.merge.RepositoryMergeStore;
import io.opencases.application.port.MergeStore;
import io.opencases.application.port.contract.MergeStoreContract;
import io.opencases.application.port.contract.StoreRepositories;

/** The merge store on the PostgreSQL repositories against the shared MergeStoreContract. */
class JdbcMergeStoreTest implements MergeStoreContract {
    private static final JdbcStorage STORAGE = TestDatabase.storage();

    @Override
    public MergeStore mergeStore() {
        return new RepositoryMergeStore(STORAGE.domains(), STORAGE.fields(), STORAGE.cases(), STORAGE.relatedItems(),
                STORAGE.tags(), STORAGE.auditLog(), STORAGE.mergeJobs());
    }

    @Override
    public StoreRepositories repositories() {
        return TestDatabase.repositories();
    }
}
