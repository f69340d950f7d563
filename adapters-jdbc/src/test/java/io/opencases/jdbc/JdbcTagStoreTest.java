package io.opencases.jdbc;

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

/** The tag store on the PostgreSQL repositories against the shared TagStoreContract. */
class JdbcTagStoreTest implements TagStoreContract {
    private static final JdbcStorage STORAGE = TestDatabase.storage();

    @Override
    public TagStore tagStore() {
        return new RepositoryTagStore(STORAGE.domains(), STORAGE.domainContents(), STORAGE.cases(), STORAGE.tags());
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
    public LayoutRepository layoutRepository() {
        return STORAGE.layouts();
    }

    @Override
    public TemplateRepository templateRepository() {
        return STORAGE.templates();
    }

    @Override
    public CaseRuleRepository caseRuleRepository() {
        return STORAGE.caseRules();
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
}
