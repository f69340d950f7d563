package io.opencases.application.rule;

import io.opencases.application.Caller;
import io.opencases.application.DomainAccess;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.port.UnitOfWork;
import io.opencases.domain.cases.CaseRuleOutcome;
import io.opencases.domain.cases.CaseRulePolicy;
import io.opencases.domain.field.FieldValue;

import java.util.ArrayList;
import java.util.Map;

/**
 * Evaluates a template's case rules for values an agent is editing (not yet saved), so the workspace shows hidden,
 * required and narrowed fields exactly as UpdateCase will enforce them.
 */
public final class CaseRuleEvaluation {

    public record EvaluateCaseRules(Caller caller, String domainId, String templateId,
                                    Map<String, FieldValue> values) {
    }

    private final DomainAccess access;
    private final TemplateRepository templates;
    private final CaseRuleRepository caseRules;
    private final UnitOfWork unitOfWork;

    public CaseRuleEvaluation(DomainRepository domains, FieldRepository fields, TemplateRepository templates,
                              CaseRuleRepository caseRules, UnitOfWork unitOfWork) {
        this.access = new DomainAccess(domains, fields);
        this.templates = templates;
        this.caseRules = caseRules;
        this.unitOfWork = unitOfWork;
    }

    /** The outcome of the template's live rules; no rules (or no such template) means nothing is constrained. */
    public CaseRuleOutcome evaluateCaseRules(EvaluateCaseRules command) {
        return unitOfWork.read(() -> {
            var domain = access.requireDomain(command.caller(), command.domainId());
            var rules = new ArrayList<CaseRulePolicy.AppliedRule>();
            templates.find(domain.domainId(), command.templateId()).ifPresent(template -> {
                for (var templateRule : template.rules()) {
                    caseRules.find(domain.domainId(), templateRule.caseRuleId()).filter(r -> !r.deleted())
                            .ifPresent(r -> rules.add(new CaseRulePolicy.AppliedRule(r.caseRuleId(),
                                    templateRule.fieldId(), r.details())));
                }
            });
            return CaseRuleOutcome.evaluate(command.values(), rules);
        });
    }
}
