package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.merge.MergeCommands.FieldsConfiguration;
import io.opencases.application.merge.MergeCommands.GetMergeCasesStatus;
import io.opencases.application.merge.MergeCommands.StartMergeCases;
import io.opencases.application.merge.MergeService;
import io.opencases.domain.relateditem.RelatedItemType;
import io.opencases.rest.OperationHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.opencases.rest.WireJson.bool;
import static io.opencases.rest.WireJson.ids;
import static io.opencases.rest.WireJson.object;
import static io.opencases.rest.WireJson.struct;
import static io.opencases.rest.WireJson.text;

/**
 * Wire mapping of StartMergeCases and GetMergeCasesStatus. The request members of StartMergeCases beyond the URI
 * (secondaryCaseId, fieldsConfiguration, relatedItemsConfiguration) and its empty response are the model's guesses
 * G2-G4 (see docs/compatibility.md).
 */
public final class MergeOperations {
    /** RelatedItemsConfiguration's members and the types they move. */
    private static final Map<String, RelatedItemType> MOVABLE = Map.of("comment", RelatedItemType.Comment,
            "contact", RelatedItemType.Contact, "connectCase", RelatedItemType.ConnectCase, "custom",
            RelatedItemType.Custom);

    private final MergeService service;

    public MergeOperations(MergeService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "StartMergeCases", (in, caller) -> {
                    JsonNode fields = struct(in, "fieldsConfiguration");
                    service.startMergeCases(new StartMergeCases(caller, text(in, "domainId"), text(in, "caseId"),
                            text(in, "secondaryCaseId"), fields == null ? null
                                    : new FieldsConfiguration(text(fields, "sourceCaseId"), ids(fields, "fieldIds", "id")),
                            types(struct(in, "relatedItemsConfiguration"))));
                    return null;
                },
                "GetMergeCasesStatus", (in, caller) -> {
                    var status = service.getMergeCasesStatus(new GetMergeCasesStatus(caller, text(in, "domainId"),
                            text(in, "caseId")));
                    ObjectNode out = object().put("primaryCaseId", status.primaryCaseId());
                    status.secondaryCaseIds().forEach(out.putArray("secondaryCaseIds")::add);
                    out.put("status", status.status().name());
                    return out;
                });
    }

    /** The related-item types set to true, in a stable order. */
    private static List<RelatedItemType> types(JsonNode configuration) {
        var types = new ArrayList<RelatedItemType>();
        if (configuration != null) {
            for (String member : List.of("comment", "contact", "connectCase", "custom")) {
                if (Boolean.TRUE.equals(bool(configuration, member))) {
                    types.add(MOVABLE.get(member));
                }
            }
        }
        return types;
    }
}
