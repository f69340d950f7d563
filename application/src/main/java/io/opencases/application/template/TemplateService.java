package io.opencases.application.template;

import io.opencases.application.Described;
import io.opencases.application.DomainAccess;
import io.opencases.application.Page;
import io.opencases.application.Pagination;
import io.opencases.application.UseCaseContext;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.template.TemplateCommands.CreateTemplate;
import io.opencases.application.template.TemplateCommands.DeleteTemplate;
import io.opencases.application.template.TemplateCommands.GetTemplate;
import io.opencases.application.template.TemplateCommands.ListTemplates;
import io.opencases.application.template.TemplateCommands.TemplateCreated;
import io.opencases.application.template.TemplateCommands.UpdateTemplate;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateRule;
import io.opencases.domain.template.TemplateStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Case templates: CreateTemplate, GetTemplate, UpdateTemplate, DeleteTemplate, ListTemplates. */
public final class TemplateService {
    private static final int DEFAULT_PAGE = 100;
    private static final String RESOURCE = "Template";

    private final TemplateRepository templates;
    private final LayoutRepository layouts;
    private final CaseRuleRepository caseRules;
    private final TagRepository tags;
    private final DomainAccess access;
    private final UseCaseContext context;

    public TemplateService(DomainRepository domains, FieldRepository fields, LayoutRepository layouts,
                           TemplateRepository templates, CaseRuleRepository caseRules, TagRepository tags,
                           UseCaseContext context) {
        this.context = context;
        this.templates = templates;
        this.layouts = layouts;
        this.caseRules = caseRules;
        this.tags = tags;
        this.access = new DomainAccess(domains, fields);
    }

    public TemplateCreated createTemplate(CreateTemplate command) {
        return context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            String domainId = domain.domainId();
            DomainAccess.requireUniqueName(templates.findLiveByName(domainId, command.name()), null, "template",
                    command.name());
            if (templates.countLive(domainId) >= context.quotas().templatesPerDomain()) {
                throw new DomainException.QuotaExceeded("A domain can have at most " + context.quotas().templatesPerDomain()
                        + " templates.");
            }
            var now = context.clock().now();
            var template = new Template(domainId, context.ids().newId(), command.name(), command.description(),
                    command.defaultLayoutId(), command.requiredFieldIds(),
                    command.status() == null ? TemplateStatus.Active : command.status(), command.rules(),
                    command.tagPropagations(), false, now, now);
            checkReferences(template, true, true, true);
            templates.save(template);
            context.configurations().changed(domainId);
            return new TemplateCreated(template.templateId(),
                    context.arns().template(domain.accountId(), domainId, template.templateId()));
        });
    }

    /** The template, deleted or not, without references to fields deleted since it was written. */
    public Described<Template> getTemplate(GetTemplate command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Template t = DomainAccess.require(templates.find(domain.domainId(), command.templateId()), RESOURCE,
                    command.templateId());
            var referenced = Stream.concat(t.requiredFieldIds().stream(),
                    t.rules().stream().map(TemplateRule::fieldId).filter(id -> id != null)).toList();
            Set<String> live = access.liveFieldIds(domain.domainId(), referenced);
            var shown = new Template(t.domainId(), t.templateId(), t.name(), t.description(), t.defaultLayoutId(),
                    t.requiredFieldIds().stream().filter(live::contains).toList(), t.status(),
                    t.rules().stream().filter(r -> r.fieldId() == null || live.contains(r.fieldId())).toList(),
                    t.tagPropagations(), t.deleted(), t.createdTime(), t.lastModifiedTime());
            String arn = context.arns().template(domain.accountId(), domain.domainId(), t.templateId());
            return new Described<>(shown, arn, tags.tags(arn));
        });
    }

    public void updateTemplate(UpdateTemplate command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Template template = DomainAccess.require(templates.find(domain.domainId(), command.templateId()),
                    RESOURCE, command.templateId());
            Template.Changes changes = command.changes();
            Template updated = template.update(changes, context.clock().now());
            if (changes.name() != null) {
                DomainAccess.requireUniqueName(templates.findLiveByName(domain.domainId(), changes.name()),
                        template.templateId(), "template", changes.name());
            }
            // Only what the update sets is checked again: references that went stale since stay as they are.
            checkReferences(updated, changes.defaultLayoutId() != null, changes.requiredFieldIds() != null,
                    changes.rules() != null);
            templates.save(updated);
            context.configurations().changed(domain.domainId());
        });
    }

    /** Soft delete: the template can still be read, but no longer updated or used for new cases. */
    public void deleteTemplate(DeleteTemplate command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Template template = DomainAccess.require(templates.find(domain.domainId(), command.templateId()),
                    RESOURCE, command.templateId());
            if (!template.deleted()) {
                templates.save(template.delete(context.clock().now()));
                context.configurations().changed(domain.domainId());
            }
        });
    }

    public Page<Described<Template>> listTemplates(ListTemplates command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Set<TemplateStatus> statuses = command.statuses();
            String scope = "ListTemplates/" + domain.domainId() + "/" + statuses.stream().sorted().toList();
            Page<Template> page = Pagination.page(scope, command.page(), DEFAULT_PAGE,
                    (after, limit) -> listWithStatus(domain.domainId(), statuses, after, limit),
                    Template::templateId);
            return new Page<>(page.items().stream()
                    .map(t -> new Described<>(t, context.arns().template(domain.accountId(), domain.domainId(),
                            t.templateId()), Map.<String, String>of()))
                    .toList(), page.nextToken());
        });
    }

    private List<Template> listWithStatus(String domainId, Set<TemplateStatus> statuses, String after, int limit) {
        var result = new ArrayList<Template>();
        String cursor = after;
        while (result.size() < limit) {
            List<Template> batch = templates.listLive(domainId, cursor, limit);
            for (Template t : batch) {
                if (statuses.isEmpty() || statuses.contains(t.status())) {
                    result.add(t);
                    if (result.size() == limit) {
                        break;
                    }
                }
            }
            if (batch.size() < limit) {
                break;
            }
            cursor = batch.get(batch.size() - 1).templateId();
        }
        return result;
    }

    private void checkReferences(Template template, boolean layout, boolean requiredFields, boolean rules) {
        String domainId = template.domainId();
        if (layout && template.defaultLayoutId() != null) {
            layouts.find(domainId, template.defaultLayoutId()).filter(l -> !l.deleted()).orElseThrow(() ->
                    DomainException.invalid("layoutConfiguration.defaultLayout: layout %s does not exist or is "
                            + "deleted.", template.defaultLayoutId()));
        }
        if (requiredFields) {
            access.requireLiveFields(domainId, template.requiredFieldIds(), "requiredFields");
        }
        if (rules) {
            for (TemplateRule rule : template.rules()) {
                CaseRule caseRule = caseRules.find(domainId, rule.caseRuleId()).filter(r -> !r.deleted())
                        .orElseThrow(() -> DomainException.invalid(
                                "rules: case rule %s does not exist or is deleted.", rule.caseRuleId()));
                boolean targetsField = caseRule.details().type() != io.opencases.domain.rule.RuleType.FieldOptions;
                if (targetsField && rule.fieldId() == null) {
                    throw DomainException.invalid("rules: case rule %s is a %s rule and needs a fieldId.",
                            rule.caseRuleId(), caseRule.details().type());
                }
            }
            access.requireLiveFields(domainId,
                    template.rules().stream().map(TemplateRule::fieldId).filter(id -> id != null).toList(),
                    "rules.fieldId");
        }
    }
}
