package io.opencases.memory;

import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TagStore;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.port.contract.TagStoreContract;
import io.opencases.application.tag.RepositoryTagStore;

/** The tag store on the in-memory repositories against the shared TagStoreContract. */
class MemoryTagStoreTest implements TagStoreContract {
    private final MemoryDomainRepository domains = new MemoryDomainRepository();
    private final MemoryFieldRepository fields = new MemoryFieldRepository();
    private final MemoryLayoutRepository layouts = new MemoryLayoutRepository();
    private final MemoryTemplateRepository templates = new MemoryTemplateRepository();
    private final MemoryCaseRuleRepository caseRules = new MemoryCaseRuleRepository();
    private final MemoryCaseRepository cases = new MemoryCaseRepository();
    private final MemoryRelatedItemRepository relatedItems = new MemoryRelatedItemRepository();
    private final MemoryTagRepository tags = new MemoryTagRepository();
    private final TagStore store = new RepositoryTagStore(domains, new MemoryDomainContents(fields, layouts,
            templates, caseRules, cases, relatedItems, new MemoryAuditLog(), tags), cases, tags);

    @Override
    public TagStore tagStore() {
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
    public TagRepository tagRepository() {
        return tags;
    }
}
