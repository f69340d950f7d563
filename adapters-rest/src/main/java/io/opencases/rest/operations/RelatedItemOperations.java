package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.relateditem.RelatedItemCommands.CreateRelatedItem;
import io.opencases.application.relateditem.RelatedItemCommands.DeleteRelatedItem;
import io.opencases.application.relateditem.RelatedItemCommands.ListCasesForContact;
import io.opencases.application.relateditem.RelatedItemCommands.NewComment;
import io.opencases.application.relateditem.RelatedItemCommands.NewConnectCase;
import io.opencases.application.relateditem.RelatedItemCommands.NewContact;
import io.opencases.application.relateditem.RelatedItemCommands.NewContent;
import io.opencases.application.relateditem.RelatedItemCommands.NewCustom;
import io.opencases.application.relateditem.RelatedItemCommands.NewFile;
import io.opencases.application.relateditem.RelatedItemCommands.NewSla;
import io.opencases.application.relateditem.RelatedItemCommands.RelatedItemView;
import io.opencases.application.relateditem.RelatedItemCommands.SearchRelatedItems;
import io.opencases.application.relateditem.RelatedItemCommands.UpdateRelatedItem;
import io.opencases.application.relateditem.RelatedItemService;
import io.opencases.domain.relateditem.CustomValue;
import io.opencases.domain.search.FieldFilter;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemFilter;
import io.opencases.domain.relateditem.RelatedItemType;
import io.opencases.domain.relateditem.SlaStatus;
import io.opencases.rest.OperationHandler;
import io.opencases.rest.WireJson;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.opencases.rest.WireJson.list;
import static io.opencases.rest.WireJson.object;
import static io.opencases.rest.WireJson.page;
import static io.opencases.rest.WireJson.struct;
import static io.opencases.rest.WireJson.tags;
import static io.opencases.rest.WireJson.text;
import static io.opencases.rest.WireJson.timestamp;

/** Wire mapping of the related-item operations and ListCasesForContact. */
public final class RelatedItemOperations {
    private final RelatedItemService service;

    public RelatedItemOperations(RelatedItemService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "CreateRelatedItem", (in, caller) -> {
                    var created = service.createRelatedItem(new CreateRelatedItem(caller, text(in, "domainId"),
                            text(in, "caseId"), RelatedItemType.valueOf(text(in, "type")), content(in.get("content")),
                            CaseOperations.user(struct(in, "performedBy"))));
                    return object().put("relatedItemId", created.relatedItemId())
                            .put("relatedItemArn", created.relatedItemArn());
                },
                "UpdateRelatedItem", (in, caller) -> {
                    RelatedItemView view = service.updateRelatedItem(new UpdateRelatedItem(caller,
                            text(in, "domainId"), text(in, "caseId"), text(in, "relatedItemId"),
                            content(in.get("content")), CaseOperations.user(struct(in, "performedBy"))));
                    RelatedItem item = view.item();
                    ObjectNode out = object().put("relatedItemId", item.relatedItemId())
                            .put("relatedItemArn", view.arn()).put("type", item.type().name());
                    out.set("content", content(item.content(), view.readAt()));
                    out.put("associationTime", timestamp(item.associationTime()));
                    out.set("tags", tags(view.tags()));
                    if (item.lastUpdatedUser() != null) {
                        out.set("lastUpdatedUser", CaseOperations.user(item.lastUpdatedUser()));
                    }
                    if (item.createdBy() != null) {
                        out.set("createdBy", CaseOperations.user(item.createdBy()));
                    }
                    return out;
                },
                "DeleteRelatedItem", (in, caller) -> {
                    service.deleteRelatedItem(new DeleteRelatedItem(caller, text(in, "domainId"), text(in, "caseId"),
                            text(in, "relatedItemId")));
                    return null;
                },
                "SearchRelatedItems", (in, caller) -> {
                    List<RelatedItemFilter> filters = list(in, "filters", RelatedItemOperations::filter);
                    return page(service.searchRelatedItems(new SearchRelatedItems(caller, text(in, "domainId"),
                                    text(in, "caseId"), filters == null ? List.of() : filters, page(in))),
                            "relatedItems", RelatedItemOperations::searchItem);
                },
                "ListCasesForContact", (in, caller) -> page(service.listCasesForContact(new ListCasesForContact(
                                caller, text(in, "domainId"), text(in, "contactArn"), page(in))), "cases",
                        c -> object().put("caseId", c.caseId()).put("templateId", c.templateId())));
    }

    /** Create and update content share member names; the union has exactly one member (validated). */
    static NewContent content(JsonNode content) {
        if (content.has("comment")) {
            JsonNode c = content.get("comment");
            return new NewComment(text(c, "body"), text(c, "contentType"));
        }
        if (content.has("contact")) {
            return new NewContact(text(content.get("contact"), "contactArn"));
        }
        if (content.has("file")) {
            return new NewFile(text(content.get("file"), "fileArn"));
        }
        if (content.has("connectCase")) {
            return new NewConnectCase(text(content.get("connectCase"), "caseId"));
        }
        if (content.has("custom")) {
            return new NewCustom(customValues(content.get("custom")));
        }
        JsonNode sla = content.get("sla").get("slaInputConfiguration");
        List<io.opencases.domain.field.FieldValue> targets = list(sla, "targetFieldValues", WireJson::fieldValue);
        return new NewSla(text(sla, "name"), text(sla, "fieldId"), targets == null ? List.of() : targets,
                sla.get("targetSlaMinutes").asLong());
    }

    private static List<CustomValue> customValues(JsonNode custom) {
        return list(custom, "fields", f -> new CustomValue(text(f, "id"), WireJson.fieldValue(f.get("value"))));
    }

    static ObjectNode content(RelatedItemContent content, Instant now) {
        ObjectNode out = object();
        if (content instanceof RelatedItemContent.Comment c) {
            out.putObject("comment").put("body", c.body()).put("contentType", c.contentType());
        } else if (content instanceof RelatedItemContent.Contact c) {
            out.putObject("contact").put("contactArn", c.contactArn()).put("channel", c.channel())
                    .put("connectedToSystemTime", timestamp(c.connectedToSystemTime()));
        } else if (content instanceof RelatedItemContent.File f) {
            out.putObject("file").put("fileArn", f.fileArn());
        } else if (content instanceof RelatedItemContent.ConnectCase c) {
            out.putObject("connectCase").put("caseId", c.caseId());
        } else if (content instanceof RelatedItemContent.Custom c) {
            ArrayNode fields = out.putObject("custom").putArray("fields");
            c.fields().forEach(v -> fields.addObject().put("id", v.fieldId())
                    .set("value", WireJson.fieldValue(v.value())));
        } else if (content instanceof RelatedItemContent.Sla s) {
            ObjectNode configuration = out.putObject("sla").putObject("slaConfiguration").put("name", s.name())
                    .put("type", RelatedItemContent.Sla.TYPE).put("status", s.status(now).name())
                    .put("fieldId", s.fieldId()).put("targetTime", timestamp(s.targetTime()));
            ArrayNode targets = configuration.putArray("targetFieldValues");
            s.targetFieldValues().forEach(v -> targets.add(WireJson.fieldValue(v)));
            if (s.completionTime() != null) {
                configuration.put("completionTime", timestamp(s.completionTime()));
            }
        }
        return out;
    }

    private static ObjectNode searchItem(RelatedItemView view) {
        RelatedItem item = view.item();
        ObjectNode out = object().put("relatedItemId", item.relatedItemId()).put("type", item.type().name())
                .put("associationTime", timestamp(item.associationTime()));
        out.set("content", content(item.content(), view.readAt()));
        out.set("tags", tags(view.tags()));
        if (item.createdBy() != null) {
            out.set("performedBy", CaseOperations.user(item.createdBy()));
        }
        return out;
    }

    static RelatedItemFilter filter(JsonNode f) {
        if (f.has("contact")) {
            JsonNode c = f.get("contact");
            return new RelatedItemFilter.ContactFilter(list(c, "channel", JsonNode::asText), text(c, "contactArn"));
        }
        if (f.has("comment")) {
            return new RelatedItemFilter.CommentFilter();
        }
        if (f.has("file")) {
            return new RelatedItemFilter.FileFilter(text(f.get("file"), "fileArn"));
        }
        if (f.has("sla")) {
            JsonNode s = f.get("sla");
            String status = text(s, "status");
            return new RelatedItemFilter.SlaFilter(text(s, "name"), status == null ? null : SlaStatus.valueOf(status));
        }
        if (f.has("connectCase")) {
            return new RelatedItemFilter.ConnectCaseFilter(text(f.get("connectCase"), "caseId"));
        }
        JsonNode fields = struct(f.get("custom"), "fields");
        return new RelatedItemFilter.CustomFilter(fields == null ? null : fieldFilter(fields));
    }

    /** The CaseFilter algebra; CustomFieldsFilter is the same without {@code tag}. */
    static FieldFilter fieldFilter(JsonNode node) {
        if (node.has("tag")) {
            JsonNode equalTo = node.get("tag").get("equalTo");
            return new FieldFilter.TagEqualTo(text(equalTo, "key"), text(equalTo, "value"));
        }
        if (node.has("not")) {
            return new FieldFilter.Not(fieldFilter(node.get("not")));
        }
        if (node.has("andAll")) {
            return new FieldFilter.AndAll(list(node, "andAll", RelatedItemOperations::fieldFilter));
        }
        if (node.has("orAll")) {
            return new FieldFilter.OrAll(list(node, "orAll", RelatedItemOperations::fieldFilter));
        }
        JsonNode field = node.get("field");
        var entry = field.fields().next();
        FieldFilter.Operator operator = switch (entry.getKey()) {
            case "equalTo" -> FieldFilter.Operator.EQUAL_TO;
            case "contains" -> FieldFilter.Operator.CONTAINS;
            case "greaterThan" -> FieldFilter.Operator.GREATER_THAN;
            case "greaterThanOrEqualTo" -> FieldFilter.Operator.GREATER_THAN_OR_EQUAL_TO;
            case "lessThan" -> FieldFilter.Operator.LESS_THAN;
            default -> FieldFilter.Operator.LESS_THAN_OR_EQUAL_TO;
        };
        JsonNode value = entry.getValue();
        return new FieldFilter.Comparison(operator, text(value, "id"), WireJson.fieldValue(value.get("value")));
    }
}
