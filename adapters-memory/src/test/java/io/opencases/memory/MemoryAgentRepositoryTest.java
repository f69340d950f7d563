package io.opencases.memory;

import io.opencases.application.port.AgentRepository;
import io.opencases.application.port.contract.AgentRepositoryContract;

/** The in-memory AgentRepository against the shared AgentRepositoryContract. */
class MemoryAgentRepositoryTest implements AgentRepositoryContract {
    private final MemoryAgentRepository repository = new MemoryAgentRepository();

    @Override
    public AgentRepository repository() {
        return repository;
    }
}
