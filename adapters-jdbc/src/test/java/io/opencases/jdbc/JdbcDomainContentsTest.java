package io.opencases.jdbc;

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

/** The PostgreSQL DomainContents against the shared DomainContentsContract. */
class JdbcDomainContentsTest implements DomainContentsContract {
    @Override
    public DomainContents domainContents() {
        return TestDatabase.storage().domainContents();
    }

    @Override
    public FieldRepository fieldRepository() {
        return TestDatabase.storage().fields();
    }

    @Override
    public LayoutRepository layoutRepository() {
        return TestDatabase.storage().layouts();
    }

    @Override
    public TemplateRepository templateRepository() {
        return TestDatabase.storage().templates();
    }

    @Override
    public CaseRuleRepository caseRuleRepository() {
        return TestDatabase.storage().caseRules();
    }

    @Override
    public CaseRepository caseRepository() {
        return TestDatabase.storage().cases();
    }

    @Override
    public RelatedItemRepository relatedItemRepository() {
        return TestDatabase.storage().relatedItems();
    }

    @Override
    public AuditLog auditLogRepository() {
        return TestDatabase.storage().auditLog();
    }

    @Override
    public TagRepository tagRepository() {
        return TestDatabase.storage().tags();
    }
}
