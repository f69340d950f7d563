package io.opencases.jdbc;

import io.opencases.application.port.TemplateRepository;
import io.opencases.application.port.contract.TemplateRepositoryContract;

/** The PostgreSQL TemplateRepository against the shared TemplateRepositoryContract. */
class JdbcTemplateRepositoryTest implements TemplateRepositoryContract {
    @Override
    public TemplateRepository repository() {
        return TestDatabase.storage().templates();
    }
}
