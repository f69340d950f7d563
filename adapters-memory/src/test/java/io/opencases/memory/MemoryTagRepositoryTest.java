package io.opencases.memory;

import io.opencases.application.port.TagRepository;
import io.opencases.application.port.contract.TagRepositoryContract;

/** The in-memory TagRepository against the shared TagRepositoryContract. */
class MemoryTagRepositoryTest implements TagRepositoryContract {
    private final MemoryTagRepository repository = new MemoryTagRepository();

    @Override
    public TagRepository tagRepository() {
        return repository;
    }
}
