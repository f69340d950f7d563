package io.opencases.memory;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.RelatedItemStore;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.contract.RelatedItemStoreContract;
import io.opencases.application.relateditem.RepositoryRelatedItemStore;

/** The related-item store on the in-memory repositories against the shared RelatedItemStoreContract. */
class MemoryRelatedItemStoreTest implements RelatedItemStoreContract {
    private final MemoryDomainRepository domains = new MemoryDomainRepository();
    private final MemoryFieldRepository fields = new MemoryFieldRepository();
    private final MemoryCaseRepository cases = new MemoryCaseRepository();
    private final MemoryRelatedItemRepository relatedItems = new MemoryRelatedItemRepository();
    private final MemoryTagRepository tags = new MemoryTagRepository();
    private final MemoryAuditLog auditLog = new MemoryAuditLog();
    private final RelatedItemStore store = new RepositoryRelatedItemStore(domains, fields, cases, relatedItems, tags,
            auditLog);

    @Override
    public RelatedItemStore relatedItemStore() {
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
}
