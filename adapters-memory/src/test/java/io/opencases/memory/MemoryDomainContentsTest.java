package io.opencases.memory;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainContents;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.port.contract.DomainContentsContract;

/** The in-memory DomainContents against the shared DomainContentsContract. */
class MemoryDomainContentsTest implements DomainContentsContract {
    private final MemoryFieldRepository fields = new MemoryFieldRepository();
    private final MemoryLayoutRepository layouts = new MemoryLayoutRepository();
    private final MemoryTemplateRepository templates = new MemoryTemplateRepository();
    private final MemoryCaseRuleRepository caseRules = new MemoryCaseRuleRepository();
    private final MemoryCaseRepository cases = new MemoryCaseRepository();
    private final MemoryRelatedItemRepository relatedItems = new MemoryRelatedItemRepository();
    private final MemoryAuditLog auditLog = new MemoryAuditLog();
    private final MemoryTagRepository tags = new MemoryTagRepository();
    private final MemoryDomainContents contents = new MemoryDomainContents(fields, layouts, templates, caseRules,
            cases, relatedItems, auditLog, tags);

    @Override
    public DomainContents domainContents() {
        return contents;
    }

    @Override
    public FieldRepository fieldRepository() {
        return fields;
    }

    @Override
    public LayoutRepository layoutRepository() {
        return layouts;
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
    public CaseRepository caseRepository() {
        return cases;
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
    public TagRepository tagRepository() {
        return tags;
    }
}
