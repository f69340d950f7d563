package io.opencases.application.rule;

import io.opencases.application.Described;
import io.opencases.application.DomainAccess;
import io.opencases.application.Page;
import io.opencases.application.Pagination;
import io.opencases.application.UseCaseContext;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.rule.CaseRuleCommands.BatchGetCaseRule;
import io.opencases.application.rule.CaseRuleCommands.CaseRuleBatch;
import io.opencases.application.rule.CaseRuleCommands.CaseRuleCreated;
import io.opencases.application.rule.CaseRuleCommands.CaseRuleError;
import io.opencases.application.rule.CaseRuleCommands.CreateCaseRule;
import io.opencases.application.rule.CaseRuleCommands.DeleteCaseRule;
import io.opencases.application.rule.CaseRuleCommands.ListCaseRules;
import io.opencases.application.rule.CaseRuleCommands.UpdateCaseRule;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.rule.CaseRuleDetails;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Case rules: CreateCaseRule, BatchGetCaseRule, ListCaseRules, UpdateCaseRule, DeleteCaseRule. */
public final class CaseRuleService {
    private static final int DEFAULT_PAGE = 100;
    private static final String RESOURCE = "CaseRule";

    private final CaseRuleRepository caseRules;
    private final TemplateRepository templates;
    private final TagRepository tags;
    private final DomainAccess access;
    private final UseCaseContext context;

    public CaseRuleService(DomainRepository domains, FieldRepository fields, TemplateRepository templates,
                           CaseRuleRepository caseRules, TagRepository tags, UseCaseContext context) {
        this.context = context;
        this.caseRules = caseRules;
        this.templates = templates;
        this.tags = tags;
        this.access = new DomainAccess(domains, fields);
    }

    public CaseRuleCreated createCaseRule(CreateCaseRule command) {
        return context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            String domainId = domain.domainId();
            DomainAccess.requireUniqueName(caseRules.findLiveByName(domainId, command.name()), null, "case rule",
                    command.name());
            if (caseRules.countLive(domainId) >= context.quotas().caseRulesPerDomain()) {
                throw new DomainException.QuotaExceeded("A domain can have at most " + context.quotas().caseRulesPerDomain()
                        + " case rules.");
            }
            checkFields(domainId, command.details());
            var now = context.clock().now();
            var rule = new CaseRule(domainId, context.ids().newId(), command.name(), command.description(), command.details(),
                    false, now, now);
            caseRules.save(rule);
            context.configurations().changed(domainId);
            return new CaseRuleCreated(rule.caseRuleId(),
                    context.arns().caseRule(domain.accountId(), domainId, rule.caseRuleId()));
        });
    }

    /** Returns the rules in request order, deleted ones included; unknown ids become errors, not a failure. */
    public CaseRuleBatch batchGetCaseRule(BatchGetCaseRule command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Map<String, CaseRule> found = caseRules.findAll(domain.domainId(), command.caseRuleIds()).stream()
                    .collect(Collectors.toMap(CaseRule::caseRuleId, Function.identity()));
            var described = new ArrayList<Described<CaseRule>>();
            var errors = new ArrayList<CaseRuleError>();
            for (String id : command.caseRuleIds()) {
                CaseRule rule = found.get(id);
                if (rule == null) {
                    errors.add(new CaseRuleError(id, "ResourceNotFoundException",
                            "Case rule " + id + " was not found."));
                } else {
                    String arn = context.arns().caseRule(domain.accountId(), domain.domainId(), id);
                    described.add(new Described<>(rule, arn, tags.tags(arn)));
                }
            }
            return new CaseRuleBatch(described, errors);
        });
    }

    public Page<Described<CaseRule>> listCaseRules(ListCaseRules command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Page<CaseRule> page = Pagination.page("ListCaseRules/" + domain.domainId(), command.page(),
                    DEFAULT_PAGE, (after, limit) -> caseRules.listLive(domain.domainId(), after, limit),
                    CaseRule::caseRuleId);
            return new Page<>(page.items().stream()
                    .map(r -> new Described<>(r, context.arns().caseRule(domain.accountId(), domain.domainId(),
                            r.caseRuleId()), Map.<String, String>of()))
                    .toList(), page.nextToken());
        });
    }

    public void updateCaseRule(UpdateCaseRule command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            CaseRule rule = DomainAccess.require(caseRules.find(domain.domainId(), command.caseRuleId()), RESOURCE,
                    command.caseRuleId());
            CaseRule updated = rule.update(command.name(), command.description(), command.details(), context.clock().now());
            if (command.name() != null) {
                DomainAccess.requireUniqueName(caseRules.findLiveByName(domain.domainId(), command.name()),
                        rule.caseRuleId(), "case rule", command.name());
            }
            if (command.details() != null) {
                checkFields(domain.domainId(), command.details());
            }
            caseRules.save(updated);
            context.configurations().changed(domain.domainId());
        });
    }

    /** Soft delete, refused while a live template still applies the rule (its cases would change meaning). */
    public void deleteCaseRule(DeleteCaseRule command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            CaseRule rule = DomainAccess.require(caseRules.find(domain.domainId(), command.caseRuleId()), RESOURCE,
                    command.caseRuleId());
            if (rule.deleted()) {
                return;
            }
            String cursor = null;
            while (true) {
                var batch = templates.listLive(domain.domainId(), cursor, 100);
                for (var template : batch) {
                    if (template.rules().stream().anyMatch(r -> r.caseRuleId().equals(rule.caseRuleId()))) {
                        throw new DomainException.Conflict("Case rule " + rule.caseRuleId()
                                + " is used by template " + template.templateId()
                                + "; remove it from the template first.");
                    }
                }
                if (batch.size() < 100) {
                    break;
                }
                cursor = batch.get(batch.size() - 1).templateId();
            }
            caseRules.save(rule.delete(context.clock().now()));
            context.configurations().changed(domain.domainId());
        });
    }

    private void checkFields(String domainId, CaseRuleDetails details) {
        Map<String, Field> fields = access.requireLiveFields(domainId, details.fieldIds().toList(), "rule");
        if (details instanceof CaseRuleDetails.FieldOptions options) {
            for (String id : new String[]{options.parentFieldId(), options.childFieldId()}) {
                if (fields.get(id).type() != FieldType.SingleSelect) {
                    throw DomainException.invalid("rule.fieldOptions: field %s is not a SingleSelect field.", id);
                }
            }
        }
    }
}
