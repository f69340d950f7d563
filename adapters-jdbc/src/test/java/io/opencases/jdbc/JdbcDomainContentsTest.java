package io.opencases.jdbc;

import io.opencases.application.port.DomainContents;
import io.opencases.application.port.contract.DomainContentsContract;
import io.opencases.application.port.contract.StoreRepositories;

/** The PostgreSQL DomainContents against the shared DomainContentsContract. */
class JdbcDomainContentsTest implements DomainContentsContract {
    @Override
    public DomainContents domainContents() {
        return TestDatabase.storage().domainContents();
    }

    @Override
    public StoreRepositories repositories() {
        return TestDatabase.repositories();
    }
}
