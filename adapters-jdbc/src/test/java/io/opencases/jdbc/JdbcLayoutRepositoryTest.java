package io.opencases.jdbc;

import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.contract.LayoutRepositoryContract;

/** The PostgreSQL LayoutRepository against the shared LayoutRepositoryContract. */
class JdbcLayoutRepositoryTest implements LayoutRepositoryContract {
    @Override
    public LayoutRepository repository() {
        return TestDatabase.storage().layouts();
    }
}
