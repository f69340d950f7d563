package io.opencases.domain.template;

import io.opencases.domain.DomainException;
import io.opencases.domain.DomainResource;
import io.opencases.domain.Require;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * A case template: which layout shows a case, which fields must have a value, which case rules apply, which tags
 * cases inherit. Only Active, non-deleted templates can create cases.
 */
public record Template(String domainId, String templateId, String name, String description, String defaultLayoutId,
                       List<String> requiredFieldIds, TemplateStatus status, List<TemplateRule> rules,
                       List<TagPropagation> tagPropagations, boolean deleted, Instant createdTime,
                       Instant lastModifiedTime) implements DomainResource {
    public Template {
        Require.nonNull(domainId, "domainId");
        Require.nonNull(templateId, "templateId");
        Require.nonBlank(name, "name");
        Require.nonNull(status, "status");
        Require.nonNull(createdTime, "createdTime");
        Require.nonNull(lastModifiedTime, "lastModifiedTime");
        requiredFieldIds = Require.copy(requiredFieldIds);
        rules = Require.copy(rules);
        tagPropagations = Require.copy(tagPropagations);
        var seen = new HashSet<String>();
        for (String id : requiredFieldIds) {
            if (!seen.add(id)) {
                throw DomainException.invalid("requiredFields: field %s is listed more than once.", id);
            }
        }
        var seenRules = new HashSet<TemplateRule>();
        for (TemplateRule rule : rules) {
            if (!seenRules.add(rule)) {
                throw DomainException.invalid("rules: case rule %s is listed more than once for the same field.",
                        rule.caseRuleId());
            }
        }
    }

    @Override
    public String id() {
        return templateId;
    }

    public boolean canCreateCases() {
        return !deleted && status == TemplateStatus.Active;
    }

    /** The changes an UpdateTemplate carries; a null member keeps the current value. */
    public record Changes(String name, String description, String defaultLayoutId, List<String> requiredFieldIds,
                          TemplateStatus status, List<TemplateRule> rules, List<TagPropagation> tagPropagations) {
        public boolean isEmpty() {
            return name == null && description == null && defaultLayoutId == null && requiredFieldIds == null
                    && status == null && rules == null && tagPropagations == null;
        }
    }

    public Template update(Changes changes, Instant now) {
        if (deleted) {
            throw DomainException.invalid("Template %s is deleted and cannot be updated.", templateId);
        }
        if (changes.isEmpty()) {
            throw DomainException.invalid("At least one of name, description, layoutConfiguration, requiredFields, "
                    + "status, rules or tagPropagationConfigurations must be given.");
        }
        return new Template(domainId, templateId, or(changes.name(), name), or(changes.description(), description),
                or(changes.defaultLayoutId(), defaultLayoutId), or(changes.requiredFieldIds(), requiredFieldIds),
                or(changes.status(), status), or(changes.rules(), rules),
                or(changes.tagPropagations(), tagPropagations), false, createdTime, now);
    }

    public Template delete(Instant now) {
        return new Template(domainId, templateId, name, description, defaultLayoutId, requiredFieldIds, status, rules,
                tagPropagations, true, createdTime, now);
    }

    private static <T> T or(T value, T current) {
        return value == null ? current : value;
    }
}
