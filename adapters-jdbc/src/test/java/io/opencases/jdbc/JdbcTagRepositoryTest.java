package io.opencases.jdbc;

import io.opencases.application.port.TagRepository;
import io.opencases.application.port.contract.TagRepositoryContract;

/** The PostgreSQL TagRepository against the shared TagRepositoryContract. */
class JdbcTagRepositoryTest implements TagRepositoryContract {
    @Override
    public TagRepository tagRepository() {
        return TestDatabase.storage().tags();
    }
}
