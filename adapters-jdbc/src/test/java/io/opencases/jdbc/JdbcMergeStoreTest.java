package io.opencases.jdbc;

import io.opencases.application.merge.RepositoryMergeStore;
import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.MergeJobRepository;
import io.opencases.application.port.MergeStore;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.contract.MergeStoreContract;

/** The merge store on the PostgreSQL repositories against the shared MergeStoreContract. */
class JdbcMergeStoreTest implements MergeStoreContract {
    private static final JdbcStorage STORAGE = TestDatabase.storage();

    @Override
    public MergeStore mergeStore() {
        return new RepositoryMergeStore(STORAGE.domains(), STORAGE.fields(), STORAGE.cases(), STORAGE.relatedItems(),
                STORAGE.tags(), STORAGE.auditLog(), STORAGE.mergeJobs());
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

    @Override
    public MergeJobRepository mergeJobRepository() {
        return STORAGE.mergeJobs();
    }
}
