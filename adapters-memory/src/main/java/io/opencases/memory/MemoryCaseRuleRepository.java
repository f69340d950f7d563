package io.opencases.memory;

import io.opencases.application.port.CaseRuleRepository;
import io.opencases.domain.rule.CaseRule;

public final class MemoryCaseRuleRepository extends MemoryDomainResourceRepository<CaseRule> implements CaseRuleRepository {
}
