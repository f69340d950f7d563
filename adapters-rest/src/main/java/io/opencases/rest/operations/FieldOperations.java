package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.Described;
import io.opencases.application.field.FieldCommands.BatchGetField;
import io.opencases.application.field.FieldCommands.BatchPutFieldOptions;
import io.opencases.application.field.FieldCommands.CreateField;
import io.opencases.application.field.FieldCommands.DeleteField;
import io.opencases.application.field.FieldCommands.ListFieldOptions;
import io.opencases.application.field.FieldCommands.ListFields;
import io.opencases.application.field.FieldCommands.UpdateField;
import io.opencases.application.field.FieldService;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.rest.OperationHandler;

import java.util.List;
import java.util.Map;

import static io.opencases.rest.WireJson.bool;
import static io.opencases.rest.WireJson.ids;
import static io.opencases.rest.WireJson.list;
import static io.opencases.rest.WireJson.object;
import static io.opencases.rest.WireJson.page;
import static io.opencases.rest.WireJson.putIfPresent;
import static io.opencases.rest.WireJson.struct;
import static io.opencases.rest.WireJson.tags;
import static io.opencases.rest.WireJson.text;
import static io.opencases.rest.WireJson.timestamp;

/** Wire mapping of the field and field option operations. */
public final class FieldOperations {
    private final FieldService service;

    public FieldOperations(FieldService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "CreateField", (in, caller) -> {
                    var created = service.createField(new CreateField(caller, text(in, "domainId"),
                            text(in, "name"), FieldType.valueOf(text(in, "type")), text(in, "description"),
                            multiline(in)));
                    return object().put("fieldId", created.fieldId()).put("fieldArn", created.fieldArn());
                },
                "UpdateField", (in, caller) -> {
                    service.updateField(new UpdateField(caller, text(in, "domainId"), text(in, "fieldId"),
                            text(in, "name"), text(in, "description"), multiline(in)));
                    return null;
                },
                "DeleteField", (in, caller) -> {
                    service.deleteField(new DeleteField(caller, text(in, "domainId"), text(in, "fieldId")));
                    return null;
                },
                "ListFields", (in, caller) -> page(service.listFields(
                        new ListFields(caller, text(in, "domainId"), page(in))), "fields", FieldOperations::summary),
                "BatchGetField", (in, caller) -> {
                    var batch = service.batchGetField(new BatchGetField(caller, text(in, "domainId"),
                            ids(in, "fields", "id")));
                    ObjectNode out = object();
                    var fields = out.putArray("fields");
                    batch.fields().forEach(f -> fields.add(details(f)));
                    var errors = out.putArray("errors");
                    batch.errors().forEach(e -> errors.addObject().put("id", e.id()).put("errorCode", e.errorCode())
                            .put("message", e.message()));
                    return out;
                },
                "BatchPutFieldOptions", (in, caller) -> {
                    List<FieldOption> options = list(in, "options", o -> new FieldOption(text(o, "name"),
                            text(o, "value"), bool(o, "active")));
                    var failed = service.batchPutFieldOptions(new BatchPutFieldOptions(caller,
                            text(in, "domainId"), text(in, "fieldId"), options));
                    ObjectNode out = object();
                    var errors = out.putArray("errors");
                    failed.forEach(e -> errors.addObject().put("message", e.message())
                            .put("errorCode", e.errorCode()).put("value", e.value()));
                    return out;
                },
                "ListFieldOptions", (in, caller) -> {
                    List<String> values = list(in, "values", JsonNode::asText);
                    String value = values == null || values.isEmpty() ? null : values.get(0);
                    return page(service.listFieldOptions(new ListFieldOptions(caller, text(in, "domainId"),
                                    text(in, "fieldId"), page(in), value)), "options",
                            o -> object().put("name", o.name()).put("value", o.value()).put("active", o.active()));
                });
    }

    private static Boolean multiline(JsonNode in) {
        JsonNode attributes = struct(in, "attributes");
        JsonNode text = attributes == null ? null : struct(attributes, "text");
        return text == null ? null : bool(text, "isMultiline");
    }

    private static ObjectNode summary(Described<Field> d) {
        Field f = d.resource();
        ObjectNode out = object().put("fieldId", f.fieldId()).put("fieldArn", d.arn()).put("name", f.name())
                .put("type", f.type().name()).put("namespace", f.namespace().name());
        putAttributes(out, f);
        return out;
    }

    private static ObjectNode details(Described<Field> d) {
        ObjectNode out = summary(d);
        Field f = d.resource();
        putIfPresent(out, "description", f.description());
        out.set("tags", tags(d.tags()));
        out.put("deleted", f.deleted());
        out.put("createdTime", timestamp(f.createdTime()));
        out.put("lastModifiedTime", timestamp(f.lastModifiedTime()));
        return out;
    }

    private static void putAttributes(ObjectNode out, Field f) {
        if (f.multiline() != null) {
            out.putObject("attributes").putObject("text").put("isMultiline", f.multiline());
        }
    }
}
