package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.cases.CaseCommands.CreateCase;
import io.opencases.application.cases.CaseCommands.DeleteCase;
import io.opencases.application.cases.CaseCommands.FieldWrite;
import io.opencases.application.cases.CaseCommands.GetCase;
import io.opencases.application.cases.CaseCommands.GetCaseAuditEvents;
import io.opencases.application.cases.CaseCommands.UpdateCase;
import io.opencases.application.cases.CaseService;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.CaseUser;
import io.opencases.rest.OperationHandler;
import io.opencases.rest.WireJson;

import java.util.List;
import java.util.Map;

import static io.opencases.rest.WireJson.ids;
import static io.opencases.rest.WireJson.list;
import static io.opencases.rest.WireJson.object;
import static io.opencases.rest.WireJson.page;
import static io.opencases.rest.WireJson.stringMap;
import static io.opencases.rest.WireJson.struct;
import static io.opencases.rest.WireJson.tags;
import static io.opencases.rest.WireJson.text;
import static io.opencases.rest.WireJson.timestamp;

/** Wire mapping of the case operations and the audit history. */
public final class CaseOperations {
    private final CaseService service;

    public CaseOperations(CaseService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "CreateCase", (in, caller) -> {
                    var created = service.createCase(new CreateCase(caller, text(in, "domainId"),
                            text(in, "templateId"), fieldValues(in), text(in, "clientToken"),
                            user(struct(in, "performedBy")), stringMap(in, "tags")));
                    return object().put("caseId", created.caseId()).put("caseArn", created.caseArn());
                },
                "GetCase", (in, caller) -> {
                    var view = service.getCase(new GetCase(caller, text(in, "domainId"), text(in, "caseId"),
                            ids(in, "fields", "id")));
                    ObjectNode out = object();
                    putFieldValues(out.putArray("fields"), view.fields());
                    out.put("templateId", view.templateId());
                    out.set("tags", tags(view.tags()));
                    return out;
                },
                "UpdateCase", (in, caller) -> {
                    service.updateCase(new UpdateCase(caller, text(in, "domainId"), text(in, "caseId"),
                            fieldValues(in), user(struct(in, "performedBy"))));
                    return null;
                },
                "DeleteCase", (in, caller) -> {
                    service.deleteCase(new DeleteCase(caller, text(in, "domainId"), text(in, "caseId")));
                    return null;
                },
                "GetCaseAuditEvents", (in, caller) -> page(service.getCaseAuditEvents(new GetCaseAuditEvents(caller,
                        text(in, "domainId"), text(in, "caseId"), page(in))), "auditEvents", CaseOperations::event));
    }

    private static List<FieldWrite> fieldValues(JsonNode in) {
        return list(in, "fields", f -> new FieldWrite(text(f, "id"), WireJson.fieldValue(f.get("value"))));
    }

    static CaseUser user(JsonNode union) {
        if (union == null) {
            return null;
        }
        String arn = text(union, "userArn");
        return arn != null ? new CaseUser.UserArn(arn) : new CaseUser.CustomEntity(text(union, "customEntity"));
    }

    static ObjectNode user(CaseUser user) {
        if (user instanceof CaseUser.UserArn arn) {
            return object().put("userArn", arn.arn());
        }
        return object().put("customEntity", ((CaseUser.CustomEntity) user).name());
    }

    private static void putFieldValues(ArrayNode array, List<FieldWrite> values) {
        values.forEach(v -> array.addObject().put("id", v.fieldId()).set("value", WireJson.fieldValue(v.value())));
    }

    private static ObjectNode event(AuditEvent event) {
        ObjectNode out = object().put("eventId", event.eventId()).put("type", event.type().wireName())
                .put("performedTime", timestamp(event.performedTime()));
        if (event.relatedItemType() != null) {
            out.put("relatedItemType", event.relatedItemType());
        }
        ArrayNode fields = out.putArray("fields");
        for (AuditEvent.Change change : event.fields()) {
            ObjectNode field = fields.addObject().put("eventFieldId", change.fieldId());
            if (change.oldValue() != null) {
                field.set("oldValue", WireJson.fieldValue(change.oldValue()));
            }
            field.set("newValue", WireJson.fieldValue(change.newValue()));
        }
        ObjectNode performedBy = out.putObject("performedBy").put("iamPrincipalArn", event.iamPrincipalArn());
        if (event.user() != null) {
            performedBy.set("user", user(event.user()));
        }
        if (event.mergeMetadata() != null) {
            // Member name guessed (G5): AuditMergeMetadata is documented, the AuditEvent member is not.
            out.putObject("mergeMetadata").put("mergeEventId", event.mergeMetadata().mergeEventId())
                    .put("primaryCaseId", event.mergeMetadata().primaryCaseId())
                    .put("secondaryCaseId", event.mergeMetadata().secondaryCaseId());
        }
        return out;
    }
}
