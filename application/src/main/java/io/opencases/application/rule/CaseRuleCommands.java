package io.opencases.application.rule;

import io.opencases.application.Caller;
import io.opencases.application.Described;
import io.opencases.application.PageRequest;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.rule.CaseRuleDetails;

import java.util.List;

/** Inputs and outputs of the case rule use cases, one record per operation. */
public final class CaseRuleCommands {
    private CaseRuleCommands() {
    }

    public record CreateCaseRule(Caller caller, String domainId, String name, String description,
                                 CaseRuleDetails details) {
    }

    public record CaseRuleCreated(String caseRuleId, String caseRuleArn) {
    }

    public record BatchGetCaseRule(Caller caller, String domainId, List<String> caseRuleIds) {
    }

    public record CaseRuleError(String id, String errorCode, String message) {
    }

    public record CaseRuleBatch(List<Described<CaseRule>> caseRules, List<CaseRuleError> errors) {
    }

    public record ListCaseRules(Caller caller, String domainId, PageRequest page) {
    }

    /** Null members keep their current value. */
    public record UpdateCaseRule(Caller caller, String domainId, String caseRuleId, String name, String description,
                                 CaseRuleDetails details) {
    }

    public record DeleteCaseRule(Caller caller, String domainId, String caseRuleId) {
    }
}
