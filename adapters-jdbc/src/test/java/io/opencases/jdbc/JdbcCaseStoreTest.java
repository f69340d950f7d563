package io.opencases.jdbc;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.CaseStore;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.port.contract.CaseStoreContract;

/** The PostgreSQL CaseStore against the shared CaseStoreContract. */
class JdbcCaseStoreTest implements CaseStoreContract {
    @Override
    public CaseStore caseStore() {
        return TestDatabase.storage().caseStore();
    }

    @Override
    public DomainRepository domainRepository() {
        return TestDatabase.storage().domains();
    }

    @Override
    public FieldRepository fieldRepository() {
        return TestDatabase.storage().fields();
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
    public RelatedItemRepository relatedItemRepository() {
        return TestDatabase.storage().relatedItems();
    }

    @Override
    public AuditLog auditLogRepository() {
        return TestDatabase.storage().auditLog();
    }

    @Override
    public CaseChangeFeed changeFeedRepository() {
        return TestDatabase.storage().changeFeed();
    }

    @Override
    public io.opencases.application.port.MergeJobRepository mergeJobRepository() {
        return TestDatabase.storage().mergeJobs();
    }
}
