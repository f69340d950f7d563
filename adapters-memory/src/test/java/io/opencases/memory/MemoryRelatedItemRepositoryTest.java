package io.opencases.memory;

import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.contract.RelatedItemRepositoryContract;

/** The in-memory RelatedItemRepository against the shared RelatedItemRepositoryContract. */
class MemoryRelatedItemRepositoryTest implements RelatedItemRepositoryContract {
    private final MemoryRelatedItemRepository repository = new MemoryRelatedItemRepository();

    @Override
    public RelatedItemRepository relatedItemRepository() {
        return repository;
    }
}
