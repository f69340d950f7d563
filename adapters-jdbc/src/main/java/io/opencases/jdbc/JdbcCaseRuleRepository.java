package io.opencases.jdbc;

import io.opencases.application.port.CaseRuleRepository;
import io.opencases.domain.rule.CaseRule;
import org.jdbi.v3.core.Jdbi;

final class JdbcCaseRuleRepository extends JdbcDomainResourceRepository<CaseRule> implements CaseRuleRepository {
    JdbcCaseRuleRepository(Jdbi jdbi) {
        super(jdbi, "case_rules", CaseRule.class);
    }
}
