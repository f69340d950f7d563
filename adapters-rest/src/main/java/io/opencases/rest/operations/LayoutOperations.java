package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.Described;
import io.opencases.application.layout.LayoutCommands.CreateLayout;
import io.opencases.application.layout.LayoutCommands.DeleteLayout;
import io.opencases.application.layout.LayoutCommands.GetLayout;
import io.opencases.application.layout.LayoutCommands.ListLayouts;
import io.opencases.application.layout.LayoutCommands.UpdateLayout;
import io.opencases.application.layout.LayoutService;
import io.opencases.domain.layout.FieldGroup;
import io.opencases.domain.layout.Layout;
import io.opencases.domain.layout.LayoutContent;
import io.opencases.domain.layout.LayoutPanel;
import io.opencases.rest.OperationHandler;

import java.util.Map;

import static io.opencases.rest.WireJson.ids;
import static io.opencases.rest.WireJson.list;
import static io.opencases.rest.WireJson.object;
import static io.opencases.rest.WireJson.page;
import static io.opencases.rest.WireJson.struct;
import static io.opencases.rest.WireJson.tags;
import static io.opencases.rest.WireJson.text;
import static io.opencases.rest.WireJson.timestamp;

/** Wire mapping of the layout operations. */
public final class LayoutOperations {
    private final LayoutService service;

    public LayoutOperations(LayoutService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "CreateLayout", (in, caller) -> {
                    var created = service.createLayout(new CreateLayout(caller, text(in, "domainId"),
                            text(in, "name"), content(in.get("content"))));
                    return object().put("layoutId", created.layoutId()).put("layoutArn", created.layoutArn());
                },
                "GetLayout", (in, caller) -> {
                    Described<Layout> d = service.getLayout(new GetLayout(caller, text(in, "domainId"),
                            text(in, "layoutId")));
                    Layout l = d.resource();
                    ObjectNode out = summary(d);
                    out.set("content", content(l.content()));
                    out.set("tags", tags(d.tags()));
                    out.put("deleted", l.deleted());
                    out.put("createdTime", timestamp(l.createdTime()));
                    out.put("lastModifiedTime", timestamp(l.lastModifiedTime()));
                    return out;
                },
                "UpdateLayout", (in, caller) -> {
                    JsonNode content = struct(in, "content");
                    service.updateLayout(new UpdateLayout(caller, text(in, "domainId"), text(in, "layoutId"),
                            text(in, "name"), content == null ? null : content(content)));
                    return null;
                },
                "DeleteLayout", (in, caller) -> {
                    service.deleteLayout(new DeleteLayout(caller, text(in, "domainId"), text(in, "layoutId")));
                    return null;
                },
                "ListLayouts", (in, caller) -> page(service.listLayouts(
                                new ListLayouts(caller, text(in, "domainId"), page(in))), "layouts",
                        LayoutOperations::summary));
    }

    private static ObjectNode summary(Described<Layout> d) {
        return object().put("layoutId", d.resource().layoutId()).put("layoutArn", d.arn())
                .put("name", d.resource().name());
    }

    private static LayoutContent content(JsonNode content) {
        JsonNode basic = struct(content, "basic");
        if (basic == null) {
            return new LayoutContent(null, null);
        }
        return new LayoutContent(panel(struct(basic, "topPanel")), panel(struct(basic, "moreInfo")));
    }

    private static LayoutPanel panel(JsonNode panel) {
        if (panel == null) {
            return null;
        }
        var sections = list(panel, "sections", s -> {
            JsonNode group = s.get("fieldGroup");
            return new FieldGroup(text(group, "name"), ids(group, "fields", "id"));
        });
        return new LayoutPanel(sections);
    }

    private static ObjectNode content(LayoutContent content) {
        ObjectNode out = object();
        ObjectNode basic = out.putObject("basic");
        putPanel(basic, "topPanel", content.topPanel());
        putPanel(basic, "moreInfo", content.moreInfo());
        return out;
    }

    private static void putPanel(ObjectNode basic, String member, LayoutPanel panel) {
        if (panel == null) {
            return;
        }
        var sections = basic.putObject(member).putArray("sections");
        for (FieldGroup group : panel.sections()) {
            ObjectNode fieldGroup = sections.addObject().putObject("fieldGroup");
            if (group.name() != null) {
                fieldGroup.put("name", group.name());
            }
            var fields = fieldGroup.putArray("fields");
            group.fieldIds().forEach(id -> fields.addObject().put("id", id));
        }
    }
}
