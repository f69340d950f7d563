package io.opencases.jdbc;

import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.contract.CaseRuleRepositoryContract;

/** The PostgreSQL CaseRuleRepository against the shared CaseRuleRepositoryContract. */
class JdbcCaseRuleRepositoryTest implements CaseRuleRepositoryContract {
    @Override
    public CaseRuleRepository repository() {
        return TestDatabase.storage().caseRules();
    }
}
