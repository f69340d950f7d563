package io.opencases.memory;

import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.contract.FieldRepositoryContract;

/** The in-memory FieldRepository against the shared FieldRepositoryContract. */
class MemoryFieldRepositoryTest implements FieldRepositoryContract {
    private final MemoryFieldRepository repository = new MemoryFieldRepository();

    @Override
    public FieldRepository repository() {
        return repository;
    }
}
