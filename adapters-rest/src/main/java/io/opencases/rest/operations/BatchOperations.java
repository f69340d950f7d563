package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.batch.BatchCaseService;
import io.opencases.application.batch.BatchCommands.BatchCreateRelatedItem;
import io.opencases.application.batch.BatchCommands.BatchFailure;
import io.opencases.application.batch.BatchCommands.BatchUpdateCase;
import io.opencases.application.batch.BatchCommands.ByCaseId;
import io.opencases.application.batch.BatchCommands.ByReferenceId;
import io.opencases.application.batch.BatchCommands.CaseIdentifier;
import io.opencases.application.batch.BatchCommands.CaseRef;
import io.opencases.application.batch.BatchCommands.FieldById;
import io.opencases.application.batch.BatchCommands.FieldByName;
import io.opencases.application.batch.BatchCommands.FieldValueInput;
import io.opencases.rest.OperationHandler;
import io.opencases.rest.WireJson;

import java.util.List;
import java.util.Map;

import static io.opencases.rest.WireJson.list;
import static io.opencases.rest.WireJson.object;
import static io.opencases.rest.WireJson.putIfPresent;
import static io.opencases.rest.WireJson.struct;
import static io.opencases.rest.WireJson.text;

/** Wire mapping of BatchUpdateCase and BatchCreateRelatedItem. */
public final class BatchOperations {
    private final BatchCaseService service;

    public BatchOperations(BatchCaseService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "BatchUpdateCase", (in, caller) -> {
                    var result = service.batchUpdateCase(new BatchUpdateCase(caller, text(in, "domainId"),
                            cases(in), list(in, "fields", BatchOperations::fieldValue),
                            CaseOperations.user(struct(in, "performedBy")), text(in, "title"), text(in, "status"),
                            text(in, "customerId"), text(in, "clientToken")));
                    ObjectNode out = object();
                    ArrayNode successful = out.putArray("successfulCases");
                    result.successfulCases().forEach(c -> successful.addObject().set("caseIdentifier", identifier(c)));
                    putFailures(out.putArray("failedCases"), result.failedCases());
                    return out;
                },
                "BatchCreateRelatedItem", (in, caller) -> {
                    var result = service.batchCreateRelatedItem(new BatchCreateRelatedItem(caller,
                            text(in, "domainId"), RelatedItemOperations.content(in.get("content")), cases(in),
                            CaseOperations.user(struct(in, "performedBy")), text(in, "clientToken")));
                    ObjectNode out = object();
                    ArrayNode successful = out.putArray("successfulItems");
                    result.successfulItems().forEach(i -> {
                        ObjectNode item = successful.addObject();
                        item.set("caseIdentifier", identifier(i.caseIdentifier()));
                        item.put("relatedItemId", i.relatedItemId()).put("relatedItemArn", i.relatedItemArn());
                    });
                    putFailures(out.putArray("failedItems"), result.failedItems());
                    return out;
                });
    }

    /** A list of {@code {"caseIdentifier": CaseIdentifierUnion}}; the union has exactly one member (validated). */
    private static List<CaseRef> cases(JsonNode in) {
        return list(in, "cases", c -> {
            JsonNode union = c.get("caseIdentifier");
            String caseId = text(union, "caseId");
            return caseId != null ? new ByCaseId(caseId) : new ByReferenceId(text(union, "referenceId"));
        });
    }

    private static FieldValueInput fieldValue(JsonNode f) {
        JsonNode union = f.get("fieldIdentifier");
        String id = text(union, "id");
        return new FieldValueInput(id != null ? new FieldById(id) : new FieldByName(text(union, "name")),
                WireJson.fieldValue(f.get("value")));
    }

    private static ObjectNode identifier(CaseIdentifier identifier) {
        ObjectNode out = object().put("caseId", identifier.caseId());
        putIfPresent(out, "referenceId", identifier.referenceId());
        return out;
    }

    private static void putFailures(ArrayNode array, List<BatchFailure> failures) {
        failures.forEach(f -> {
            ObjectNode entry = array.addObject();
            entry.set("caseIdentifier", identifier(f.caseIdentifier()));
            entry.put("errorCode", f.errorCode()).put("errorMessage", f.errorMessage());
        });
    }
}
