package io.opencases.jdbc;

import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.contract.DomainRepositoryContract;

/** The PostgreSQL DomainRepository against the shared DomainRepositoryContract. */
class JdbcDomainRepositoryTest implements DomainRepositoryContract {
    @Override
    public DomainRepository domainRepository() {
        return TestDatabase.storage().domains();
    }
}
