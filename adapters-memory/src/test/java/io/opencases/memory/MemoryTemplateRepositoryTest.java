package io.opencases.memory;

import io.opencases.application.port.TemplateRepository;
import io.opencases.application.port.contract.TemplateRepositoryContract;

/** The in-memory TemplateRepository against the shared TemplateRepositoryContract. */
class MemoryTemplateRepositoryTest implements TemplateRepositoryContract {
    private final MemoryTemplateRepository repository = new MemoryTemplateRepository();

    @Override
    public TemplateRepository repository() {
        return repository;
    }
}
