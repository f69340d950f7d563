package io.opencases.jdbc;

import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.contract.FieldRepositoryContract;

/** The PostgreSQL FieldRepository against the shared FieldRepositoryContract. */
class JdbcFieldRepositoryTest implements FieldRepositoryContract {
    @Override
    public FieldRepository repository() {
        return TestDatabase.storage().fields();
    }
}
