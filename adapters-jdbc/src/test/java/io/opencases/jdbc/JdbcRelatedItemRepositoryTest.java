package io.opencases.jdbc;

import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.contract.RelatedItemRepositoryContract;

/** The PostgreSQL RelatedItemRepository against the shared RelatedItemRepositoryContract. */
class JdbcRelatedItemRepositoryTest implements RelatedItemRepositoryContract {
    @Override
    public RelatedItemRepository relatedItemRepository() {
        return TestDatabase.storage().relatedItems();
    }
}
