package io.opencases.memory;

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

/** The merge store on the in-memory repositories against the shared MergeStoreContract. */
class MemoryMergeStoreTest implements MergeStoreContract {
    private final MemoryDomainRepository domains = new MemoryDomainRepository();
    private final MemoryFieldRepository fields = new MemoryFieldRepository();
    private final MemoryCaseRepository cases = new MemoryCaseRepository();
    private final MemoryRelatedItemRepository relatedItems = new MemoryRelatedItemRepository();
    private final MemoryTagRepository tags = new MemoryTagRepository();
    private final MemoryAuditLog auditLog = new MemoryAuditLog();
    private final MemoryMergeJobRepository jobs = new MemoryMergeJobRepository();
    private final MergeStore store = new RepositoryMergeStore(domains, fields, cases, relatedItems, tags, auditLog,
            jobs);

    @Override
    public MergeStore mergeStore() {
        return store;
    }

    @Override
    public DomainRepository domainRepository() {
        return domains;
    }

    @Override
    public FieldRepository fieldRepository() {
        return fields;
    }

    @Override
    public CaseRepository caseRepository() {
        return cases;
    }

    @Override
    public RelatedItemRepository relatedItemRepository() {
        return relatedItems;
    }

    @Override
    public TagRepository tagRepository() {
        return tags;
    }

    @Override
    public AuditLog auditLogRepository() {
        return auditLog;
    }

    @Override
    public MergeJobRepository mergeJobRepository() {
        return jobs;
    }
}
