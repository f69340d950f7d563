package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.Described;
import io.opencases.application.casesdomain.DomainCommands.CreateDomain;
import io.opencases.application.casesdomain.DomainCommands.DeleteDomain;
import io.opencases.application.casesdomain.DomainCommands.GetCaseEventConfiguration;
import io.opencases.application.casesdomain.DomainCommands.GetDomain;
import io.opencases.application.casesdomain.DomainCommands.ListDomains;
import io.opencases.application.casesdomain.DomainCommands.PutCaseEventConfiguration;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.event.CaseEventConfiguration;
import io.opencases.rest.OperationHandler;

import java.util.Map;

import static io.opencases.rest.WireJson.bool;
import static io.opencases.rest.WireJson.ids;
import static io.opencases.rest.WireJson.object;
import static io.opencases.rest.WireJson.page;
import static io.opencases.rest.WireJson.struct;
import static io.opencases.rest.WireJson.tags;
import static io.opencases.rest.WireJson.text;
import static io.opencases.rest.WireJson.timestamp;

/** Wire mapping of the domain operations and the case event configuration. */
public final class DomainOperations {
    private final DomainService service;

    public DomainOperations(DomainService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "CreateDomain", (in, caller) -> {
                    var created = service.createDomain(new CreateDomain(caller, text(in, "name")));
                    return object().put("domainId", created.domainId()).put("domainArn", created.domainArn())
                            .put("domainStatus", created.status().name());
                },
                "GetDomain", (in, caller) -> {
                    Described<CasesDomain> d = service.getDomain(new GetDomain(caller, text(in, "domainId")));
                    ObjectNode out = summary(d);
                    out.put("createdTime", timestamp(d.resource().createdTime()));
                    out.put("domainStatus", d.resource().status().name());
                    out.set("tags", tags(d.tags()));
                    return out;
                },
                "ListDomains", (in, caller) ->
                        page(service.listDomains(new ListDomains(caller, page(in))), "domains", this::summary),
                "DeleteDomain", (in, caller) -> {
                    service.deleteDomain(new DeleteDomain(caller, text(in, "domainId")));
                    return null;
                },
                "PutCaseEventConfiguration", (in, caller) -> {
                    service.putCaseEventConfiguration(new PutCaseEventConfiguration(caller, text(in, "domainId"),
                            eventConfiguration(in.get("eventBridge"))));
                    return null;
                },
                "GetCaseEventConfiguration", (in, caller) -> {
                    var configuration = service.getCaseEventConfiguration(
                            new GetCaseEventConfiguration(caller, text(in, "domainId")));
                    ObjectNode out = object();
                    out.set("eventBridge", eventConfiguration(configuration));
                    return out;
                });
    }

    private ObjectNode summary(Described<CasesDomain> d) {
        return object().put("domainId", d.resource().domainId()).put("domainArn", d.arn())
                .put("name", d.resource().name());
    }

    private static CaseEventConfiguration eventConfiguration(JsonNode eventBridge) {
        JsonNode included = struct(eventBridge, "includedData");
        JsonNode caseData = included == null ? null : struct(included, "caseData");
        JsonNode relatedItemData = included == null ? null : struct(included, "relatedItemData");
        return new CaseEventConfiguration(bool(eventBridge, "enabled"),
                caseData == null ? null : ids(caseData, "fields", "id"),
                relatedItemData == null ? null : bool(relatedItemData, "includeContent"));
    }

    private static ObjectNode eventConfiguration(CaseEventConfiguration configuration) {
        ObjectNode eventBridge = object().put("enabled", configuration.enabled());
        if (configuration.caseFieldIds() != null || configuration.includeRelatedItemContent() != null) {
            ObjectNode included = eventBridge.putObject("includedData");
            if (configuration.caseFieldIds() != null) {
                var fields = included.putObject("caseData").putArray("fields");
                configuration.caseFieldIds().forEach(id -> fields.addObject().put("id", id));
            }
            if (configuration.includeRelatedItemContent() != null) {
                included.putObject("relatedItemData")
                        .put("includeContent", configuration.includeRelatedItemContent());
            }
        }
        return eventBridge;
    }
}
