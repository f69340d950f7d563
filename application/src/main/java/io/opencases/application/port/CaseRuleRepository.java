package io.opencases.application.port;

import io.opencases.domain.rule.CaseRule;

public interface CaseRuleRepository extends DomainResourceRepository<CaseRule> {
}
