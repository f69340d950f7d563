package io.opencases.memory;

import io.opencases.application.port.contract.StoreRepositories;

/** One fresh set of in-memory repositories, as the coarse stores' contract tests build their store on them. */
record MemoryRepositories(MemoryDomainRepository domains, MemoryFieldRepository fields,
                          MemoryLayoutRepository layouts, MemoryTemplateRepository templates,
                          MemoryCaseRuleRepository caseRules, MemoryCaseRepository cases,
                          MemoryRelatedItemRepository relatedItems, MemoryTagRepository tags, MemoryAuditLog auditLog,
                          MemoryMergeJobRepository mergeJobs) {

    static MemoryRepositories create() {
        return new MemoryRepositories(new MemoryDomainRepository(), new MemoryFieldRepository(),
                new MemoryLayoutRepository(), new MemoryTemplateRepository(), new MemoryCaseRuleRepository(),
                new MemoryCaseRepository(), new MemoryRelatedItemRepository(), new MemoryTagRepository(),
                new MemoryAuditLog(), new MemoryMergeJobRepository());
    }

    MemoryDomainContents domainContents() {
        return new MemoryDomainContents(fields, layouts, templates, caseRules, cases, relatedItems, auditLog, tags);
    }

    StoreRepositories ports() {
        return new StoreRepositories(domains, fields, layouts, templates, caseRules, cases, relatedItems, tags,
                auditLog, mergeJobs);
    }
}
