package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.Described;
import io.opencases.application.template.TemplateCommands.CreateTemplate;
import io.opencases.application.template.TemplateCommands.DeleteTemplate;
import io.opencases.application.template.TemplateCommands.GetTemplate;
import io.opencases.application.template.TemplateCommands.ListTemplates;
import io.opencases.application.template.TemplateCommands.UpdateTemplate;
import io.opencases.application.template.TemplateService;
import io.opencases.domain.template.TagPropagation;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateRule;
import io.opencases.domain.template.TemplateStatus;
import io.opencases.rest.OperationHandler;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static io.opencases.rest.WireJson.ids;
import static io.opencases.rest.WireJson.list;
import static io.opencases.rest.WireJson.object;
import static io.opencases.rest.WireJson.page;
import static io.opencases.rest.WireJson.putIfPresent;
import static io.opencases.rest.WireJson.stringMap;
import static io.opencases.rest.WireJson.struct;
import static io.opencases.rest.WireJson.tags;
import static io.opencases.rest.WireJson.text;
import static io.opencases.rest.WireJson.timestamp;

/** Wire mapping of the template operations. */
public final class TemplateOperations {
    private final TemplateService service;

    public TemplateOperations(TemplateService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "CreateTemplate", (in, caller) -> {
                    Template.Changes t = changes(in);
                    var created = service.createTemplate(new CreateTemplate(caller, text(in, "domainId"), t.name(),
                            t.description(), t.defaultLayoutId(), t.requiredFieldIds(), t.status(), t.rules(),
                            t.tagPropagations()));
                    return object().put("templateId", created.templateId())
                            .put("templateArn", created.templateArn());
                },
                "GetTemplate", (in, caller) -> {
                    Described<Template> d = service.getTemplate(new GetTemplate(caller, text(in, "domainId"),
                            text(in, "templateId")));
                    Template t = d.resource();
                    ObjectNode out = summary(d);
                    putIfPresent(out, "description", t.description());
                    if (t.defaultLayoutId() != null) {
                        out.putObject("layoutConfiguration").put("defaultLayout", t.defaultLayoutId());
                    }
                    var required = out.putArray("requiredFields");
                    t.requiredFieldIds().forEach(id -> required.addObject().put("fieldId", id));
                    out.set("tags", tags(d.tags()));
                    out.put("deleted", t.deleted());
                    out.put("createdTime", timestamp(t.createdTime()));
                    out.put("lastModifiedTime", timestamp(t.lastModifiedTime()));
                    var rules = out.putArray("rules");
                    t.rules().forEach(r -> {
                        ObjectNode rule = rules.addObject().put("caseRuleId", r.caseRuleId());
                        putIfPresent(rule, "fieldId", r.fieldId());
                    });
                    return out;
                },
                "UpdateTemplate", (in, caller) -> {
                    service.updateTemplate(new UpdateTemplate(caller, text(in, "domainId"), text(in, "templateId"),
                            changes(in)));
                    return null;
                },
                "DeleteTemplate", (in, caller) -> {
                    service.deleteTemplate(new DeleteTemplate(caller, text(in, "domainId"), text(in, "templateId")));
                    return null;
                },
                "ListTemplates", (in, caller) -> {
                    List<String> statuses = list(in, "status", JsonNode::asText);
                    var wanted = EnumSet.noneOf(TemplateStatus.class);
                    if (statuses != null) {
                        statuses.forEach(s -> wanted.add(TemplateStatus.valueOf(s)));
                    }
                    return page(service.listTemplates(new ListTemplates(caller, text(in, "domainId"), page(in),
                            wanted)), "templates", TemplateOperations::summary);
                });
    }

    /** The template members of a Create or Update request; absent members are null. */
    private static Template.Changes changes(JsonNode in) {
        JsonNode layout = struct(in, "layoutConfiguration");
        String status = text(in, "status");
        return new Template.Changes(text(in, "name"), text(in, "description"),
                layout == null ? null : text(layout, "defaultLayout"), ids(in, "requiredFields", "fieldId"),
                status == null ? null : TemplateStatus.valueOf(status),
                list(in, "rules", r -> new TemplateRule(text(r, "caseRuleId"), text(r, "fieldId"))),
                list(in, "tagPropagationConfigurations",
                        c -> new TagPropagation(text(c, "resourceType"), stringMap(c, "tagMap"))));
    }

    private static ObjectNode summary(Described<Template> d) {
        Template t = d.resource();
        ObjectNode out = object().put("templateId", t.templateId()).put("templateArn", d.arn())
                .put("name", t.name()).put("status", t.status().name());
        if (!t.tagPropagations().isEmpty()) {
            var configurations = out.putArray("tagPropagationConfigurations");
            t.tagPropagations().forEach(p -> {
                ObjectNode c = configurations.addObject().put("resourceType", p.resourceType());
                c.set("tagMap", tags(p.tagMap()));
            });
        }
        return out;
    }
}
