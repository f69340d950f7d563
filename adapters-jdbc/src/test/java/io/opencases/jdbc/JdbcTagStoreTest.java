package io.opencases.jdbc;

import io.opencases.application.port.TagStore;
import io.opencases.application.port.contract.StoreRepositories;
import io.opencases.application.port.contract.TagStoreContract;
import io.opencases.application.tag.RepositoryTagStore;

/** The tag store on the PostgreSQL repositories against the shared TagStoreContract. */
class JdbcTagStoreTest implements TagStoreContract {
    private static final JdbcStorage STORAGE = TestDatabase.storage();

    @Override
    public TagStore tagStore() {
        return new RepositoryTagStore(STORAGE.domains(), STORAGE.domainContents(), STORAGE.cases(), STORAGE.tags());
    }

    @Override
    public StoreRepositories repositories() {
        return TestDatabase.repositories();
    }
}
