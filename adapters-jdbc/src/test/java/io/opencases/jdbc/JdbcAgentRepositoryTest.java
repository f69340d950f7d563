package io.opencases.jdbc;

import io.opencases.application.port.AgentRepository;
import io.opencases.application.port.contract.AgentRepositoryContract;

/** The PostgreSQL AgentRepository against the shared AgentRepositoryContract. */
class JdbcAgentRepositoryTest implements AgentRepositoryContract {
    @Override
    public AgentRepository repository() {
        return TestDatabase.storage().agents();
    }
}
