package io.opencases.memory;

import io.opencases.application.Arns;
import io.opencases.application.port.DomainContents;

/** The domain's contents over the memory repositories: each already holds its part, in the same unit of work. */
public final class MemoryDomainContents implements DomainContents {
    private final MemoryFieldRepository fields;
    private final MemoryLayoutRepository layouts;
    private final MemoryTemplateRepository templates;
    private final MemoryCaseRuleRepository caseRules;
    private final MemoryCaseRepository cases;
    private final MemoryRelatedItemRepository relatedItems;
    private final MemoryAuditLog auditLog;
    private final MemoryTagRepository tags;

    public MemoryDomainContents(MemoryFieldRepository fields, MemoryLayoutRepository layouts,
                                MemoryTemplateRepository templates, MemoryCaseRuleRepository caseRules,
                                MemoryCaseRepository cases, MemoryRelatedItemRepository relatedItems,
                                MemoryAuditLog auditLog, MemoryTagRepository tags) {
        this.fields = fields;
        this.layouts = layouts;
        this.templates = templates;
        this.caseRules = caseRules;
        this.cases = cases;
        this.relatedItems = relatedItems;
        this.auditLog = auditLog;
        this.tags = tags;
    }

    @Override
    public boolean contains(String domainId, Arns.ResourceKind kind, String caseId, String resourceId) {
        return switch (kind) {
            case DOMAIN -> throw new IllegalArgumentException("a domain is not among its own contents");
            case FIELD -> fields.find(domainId, resourceId).isPresent();
            case LAYOUT -> layouts.find(domainId, resourceId).isPresent();
            case TEMPLATE -> templates.find(domainId, resourceId).isPresent();
            case CASE_RULE -> caseRules.find(domainId, resourceId).isPresent();
            case CASE -> cases.find(domainId, resourceId).isPresent();
            case RELATED_ITEM -> relatedItems.find(domainId, caseId, resourceId).isPresent();
        };
    }

    @Override
    public void deleteAll(String domainId, String domainArn) {
        auditLog.deleteAllInDomain(domainId);
        relatedItems.deleteAllInDomain(domainId);
        cases.deleteAllInDomain(domainId);
        caseRules.deleteAllInDomain(domainId);
        templates.deleteAllInDomain(domainId);
        layouts.deleteAllInDomain(domainId);
        fields.deleteAllInDomain(domainId);
        tags.deleteTree(domainArn);
    }
}
