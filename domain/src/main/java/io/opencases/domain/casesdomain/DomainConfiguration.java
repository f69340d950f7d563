package io.opencases.domain.casesdomain;

import io.opencases.domain.cases.CaseRulePolicy;
import io.opencases.domain.event.CaseEventConfiguration;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.template.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a case write is validated against, as one immutable value: the domain, its fields (deleted ones
 * included) with the options of SingleSelect fields, its templates, its case rules and its event configuration.
 * {@code version} grows with every change to any of them, so a case write can say which configuration it checked
 * and the store can refuse it when the configuration has moved since.
 */
public record DomainConfiguration(CasesDomain domain, long version, Map<String, Field> fields,
                                  Map<String, List<FieldOption>> options, Map<String, Template> templates,
                                  Map<String, CaseRule> caseRules, CaseEventConfiguration eventConfiguration) {
    public DomainConfiguration {
        fields = Map.copyOf(fields);
        options = Map.copyOf(options);
        templates = Map.copyOf(templates);
        caseRules = Map.copyOf(caseRules);
        eventConfiguration = eventConfiguration == null ? CaseEventConfiguration.DISABLED : eventConfiguration;
    }

    public String domainId() {
        return domain.domainId();
    }

    /** The field, deleted or not. */
    public Optional<Field> field(String fieldId) {
        return Optional.ofNullable(fields.get(fieldId));
    }

    public List<FieldOption> options(String fieldId) {
        return options.getOrDefault(fieldId, List.of());
    }

    /** The template, deleted or not. */
    public Optional<Template> template(String templateId) {
        return Optional.ofNullable(templates.get(templateId));
    }

    public boolean isLiveField(String fieldId) {
        Field field = fields.get(fieldId);
        return field != null && !field.deleted();
    }

    /** The template's rules whose case rule exists and is not deleted, as the rule policy applies them. */
    public List<CaseRulePolicy.AppliedRule> appliedRules(Template template) {
        var rules = new ArrayList<CaseRulePolicy.AppliedRule>();
        for (var templateRule : template.rules()) {
            CaseRule rule = caseRules.get(templateRule.caseRuleId());
            if (rule != null && !rule.deleted()) {
                rules.add(new CaseRulePolicy.AppliedRule(rule.caseRuleId(), templateRule.fieldId(), rule.details()));
            }
        }
        return rules;
    }
}
