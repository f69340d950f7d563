package io.opencases.memory;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.CaseStore;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.port.contract.CaseStoreContract;

import java.time.Instant;

/** The in-memory CaseStore against the shared CaseStoreContract. */
class MemoryCaseStoreTest implements CaseStoreContract {
    private final MemoryDomainRepository domains = new MemoryDomainRepository();
    private final MemoryFieldRepository fields = new MemoryFieldRepository();
    private final MemoryTemplateRepository templates = new MemoryTemplateRepository();
    private final MemoryCaseRuleRepository caseRules = new MemoryCaseRuleRepository();
    private final MemoryRelatedItemRepository relatedItems = new MemoryRelatedItemRepository();
    private final MemoryAuditLog auditLog = new MemoryAuditLog();
    private final MemoryCaseChangeFeed feed = new MemoryCaseChangeFeed(Instant::now);
    private final MemoryMergeJobRepository mergeJobs = new MemoryMergeJobRepository();
    private final MemoryCaseStore store = new MemoryCaseStore(domains, fields, templates, caseRules,
            new MemoryCaseRepository(), new MemoryTagRepository(), auditLog, relatedItems,
            new MemoryCaseEventOutbox(), feed, new MemoryUnitOfWork(), mergeJobs);

    @Override
    public CaseStore caseStore() {
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
    public TemplateRepository templateRepository() {
        return templates;
    }

    @Override
    public CaseRuleRepository caseRuleRepository() {
        return caseRules;
    }

    @Override
    public RelatedItemRepository relatedItemRepository() {
        return relatedItems;
    }

    @Override
    public AuditLog auditLogRepository() {
        return auditLog;
    }

    @Override
    public CaseChangeFeed changeFeedRepository() {
        return feed;
    }

    @Override
    public io.opencases.application.port.MergeJobRepository mergeJobRepository() {
        return mergeJobs;
    }
}
