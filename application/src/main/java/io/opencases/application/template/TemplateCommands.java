package io.opencases.application.template;

import io.opencases.application.Caller;
import io.opencases.application.PageRequest;
import io.opencases.domain.template.TagPropagation;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateRule;
import io.opencases.domain.template.TemplateStatus;

import java.util.List;
import java.util.Set;

/** Inputs and outputs of the template use cases, one record per operation. */
public final class TemplateCommands {
    private TemplateCommands() {
    }

    /** {@code status} null means Active. */
    public record CreateTemplate(Caller caller, String domainId, String name, String description,
                                 String defaultLayoutId, List<String> requiredFieldIds, TemplateStatus status,
                                 List<TemplateRule> rules, List<TagPropagation> tagPropagations) {
    }

    public record TemplateCreated(String templateId, String templateArn) {
    }

    public record GetTemplate(Caller caller, String domainId, String templateId) {
    }

    public record UpdateTemplate(Caller caller, String domainId, String templateId, Template.Changes changes) {
    }

    public record DeleteTemplate(Caller caller, String domainId, String templateId) {
    }

    /** {@code statuses} empty means every status. */
    public record ListTemplates(Caller caller, String domainId, PageRequest page, Set<TemplateStatus> statuses) {
    }
}
