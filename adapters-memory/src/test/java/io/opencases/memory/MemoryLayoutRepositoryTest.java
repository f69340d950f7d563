package io.opencases.memory;

import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.contract.LayoutRepositoryContract;

/** The in-memory LayoutRepository against the shared LayoutRepositoryContract. */
class MemoryLayoutRepositoryTest implements LayoutRepositoryContract {
    private final MemoryLayoutRepository repository = new MemoryLayoutRepository();

    @Override
    public LayoutRepository repository() {
        return repository;
    }
}
