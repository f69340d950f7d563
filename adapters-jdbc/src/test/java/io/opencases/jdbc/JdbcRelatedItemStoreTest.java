package io.opencases.jdbc;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.RelatedItemStore;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.contract.RelatedItemStoreContract;
import io.opencases.application.relateditem.RepositoryRelatedItemStore;

/** The related-item store on the PostgreSQL repositories against the shared RelatedItemStoreContract. */
class JdbcRelatedItemStoreTest implements RelatedItemStoreContract {
    private static final JdbcStorage STORAGE = TestDatabase.storage();

    @Override
    public RelatedItemStore relatedItemStore() {
        return new RepositoryRelatedItemStore(STORAGE.domains(), STORAGE.fields(), STORAGE.cases(),
                STORAGE.relatedItems(), STORAGE.tags(), STORAGE.auditLog());
    }

    @Override
    public DomainRepository domainRepository() {
        return STORAGE.domains();
    }

    @Override
    public FieldRepository fieldRepository() {
        return STORAGE.fields();
    }

    @Override
    public CaseRepository caseRepository() {
        return STORAGE.cases();
    }

    @Override
    public RelatedItemRepository relatedItemRepository() {
        return STORAGE.relatedItems();
    }

    @Override
    public TagRepository tagRepository() {
        return STORAGE.tags();
    }

    @Override
    public AuditLog auditLogRepository() {
        return STORAGE.auditLog();
    }
}
