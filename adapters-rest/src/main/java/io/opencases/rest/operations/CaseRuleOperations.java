package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.Described;
import io.opencases.application.rule.CaseRuleCommands.BatchGetCaseRule;
import io.opencases.application.rule.CaseRuleCommands.CreateCaseRule;
import io.opencases.application.rule.CaseRuleCommands.DeleteCaseRule;
import io.opencases.application.rule.CaseRuleCommands.ListCaseRules;
import io.opencases.application.rule.CaseRuleCommands.UpdateCaseRule;
import io.opencases.application.rule.CaseRuleService;
import io.opencases.domain.rule.BooleanCondition;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.rule.CaseRuleDetails;
import io.opencases.rest.OperationHandler;
import io.opencases.rest.WireJson;

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

/** Wire mapping of the case rule operations, including the condition algebra. */
public final class CaseRuleOperations {
    private final CaseRuleService service;

    public CaseRuleOperations(CaseRuleService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "CreateCaseRule", (in, caller) -> {
                    var created = service.createCaseRule(new CreateCaseRule(caller, text(in, "domainId"),
                            text(in, "name"), text(in, "description"), details(in.get("rule"))));
                    return object().put("caseRuleId", created.caseRuleId())
                            .put("caseRuleArn", created.caseRuleArn());
                },
                "BatchGetCaseRule", (in, caller) -> {
                    var batch = service.batchGetCaseRule(new BatchGetCaseRule(caller, text(in, "domainId"),
                            ids(in, "caseRules", "id")));
                    ObjectNode out = object();
                    var rules = out.putArray("caseRules");
                    batch.caseRules().forEach(r -> rules.add(details(r)));
                    var errors = out.putArray("errors");
                    batch.errors().forEach(e -> errors.addObject().put("id", e.id()).put("errorCode", e.errorCode())
                            .put("message", e.message()));
                    out.putArray("unprocessedCaseRules");
                    return out;
                },
                "ListCaseRules", (in, caller) -> page(service.listCaseRules(
                                new ListCaseRules(caller, text(in, "domainId"), page(in))), "caseRules",
                        CaseRuleOperations::summary),
                "UpdateCaseRule", (in, caller) -> {
                    JsonNode rule = struct(in, "rule");
                    service.updateCaseRule(new UpdateCaseRule(caller, text(in, "domainId"), text(in, "caseRuleId"),
                            text(in, "name"), text(in, "description"), rule == null ? null : details(rule)));
                    return null;
                },
                "DeleteCaseRule", (in, caller) -> {
                    service.deleteCaseRule(new DeleteCaseRule(caller, text(in, "domainId"), text(in, "caseRuleId")));
                    return null;
                });
    }

    private static ObjectNode summary(Described<CaseRule> d) {
        CaseRule r = d.resource();
        ObjectNode out = object().put("caseRuleId", r.caseRuleId()).put("name", r.name())
                .put("caseRuleArn", d.arn()).put("ruleType", r.details().type().name());
        putIfPresent(out, "description", r.description());
        return out;
    }

    private static ObjectNode details(Described<CaseRule> d) {
        CaseRule r = d.resource();
        ObjectNode out = object().put("caseRuleId", r.caseRuleId()).put("name", r.name())
                .put("caseRuleArn", d.arn());
        out.set("rule", details(r.details()));
        putIfPresent(out, "description", r.description());
        out.put("deleted", r.deleted());
        out.put("createdTime", timestamp(r.createdTime()));
        out.put("lastModifiedTime", timestamp(r.lastModifiedTime()));
        out.set("tags", tags(d.tags()));
        return out;
    }

    static CaseRuleDetails details(JsonNode rule) {
        if (rule.has("required")) {
            JsonNode r = rule.get("required");
            return new CaseRuleDetails.Required(bool(r, "defaultValue"), conditions(r));
        }
        if (rule.has("hidden")) {
            JsonNode h = rule.get("hidden");
            return new CaseRuleDetails.Hidden(bool(h, "defaultValue"), conditions(h));
        }
        JsonNode f = rule.get("fieldOptions");
        return new CaseRuleDetails.FieldOptions(text(f, "parentFieldId"), text(f, "childFieldId"),
                list(f, "parentChildFieldOptionsMappings", m -> new CaseRuleDetails.OptionMapping(
                        text(m, "parentFieldOptionValue"), list(m, "childFieldOptionValues", JsonNode::asText))));
    }

    private static List<BooleanCondition> conditions(JsonNode holder) {
        return list(holder, "conditions", CaseRuleOperations::condition);
    }

    private static BooleanCondition condition(JsonNode c) {
        if (c.has("equalTo")) {
            return new BooleanCondition.EqualTo(operands(c.get("equalTo")));
        }
        if (c.has("notEqualTo")) {
            return new BooleanCondition.NotEqualTo(operands(c.get("notEqualTo")));
        }
        if (c.has("andAll")) {
            return new BooleanCondition.AndAll(conditions(c.get("andAll")));
        }
        return new BooleanCondition.OrAll(conditions(c.get("orAll")));
    }

    private static BooleanCondition.Operands operands(JsonNode o) {
        return new BooleanCondition.Operands(text(o.get("operandOne"), "fieldId"),
                WireJson.fieldValue(o.get("operandTwo")), bool(o, "result"));
    }

    private static ObjectNode details(CaseRuleDetails details) {
        ObjectNode out = object();
        if (details instanceof CaseRuleDetails.Required r) {
            ObjectNode required = out.putObject("required").put("defaultValue", r.defaultValue());
            putConditions(required, r.conditions());
        } else if (details instanceof CaseRuleDetails.Hidden h) {
            ObjectNode hidden = out.putObject("hidden").put("defaultValue", h.defaultValue());
            putConditions(hidden, h.conditions());
        } else if (details instanceof CaseRuleDetails.FieldOptions f) {
            ObjectNode options = out.putObject("fieldOptions").put("parentFieldId", f.parentFieldId())
                    .put("childFieldId", f.childFieldId());
            ArrayNode mappings = options.putArray("parentChildFieldOptionsMappings");
            for (var mapping : f.mappings()) {
                ObjectNode m = mappings.addObject().put("parentFieldOptionValue", mapping.parentFieldOptionValue());
                var children = m.putArray("childFieldOptionValues");
                mapping.childFieldOptionValues().forEach(children::add);
            }
        }
        return out;
    }

    private static void putConditions(ObjectNode holder, List<BooleanCondition> conditions) {
        ArrayNode list = holder.putArray("conditions");
        conditions.forEach(c -> list.add(condition(c)));
    }

    private static ObjectNode condition(BooleanCondition condition) {
        ObjectNode out = object();
        if (condition instanceof BooleanCondition.EqualTo e) {
            out.set("equalTo", operands(e.operands()));
        } else if (condition instanceof BooleanCondition.NotEqualTo n) {
            out.set("notEqualTo", operands(n.operands()));
        } else if (condition instanceof BooleanCondition.AndAll a) {
            putConditions(out.putObject("andAll"), a.conditions());
        } else if (condition instanceof BooleanCondition.OrAll o) {
            putConditions(out.putObject("orAll"), o.conditions());
        }
        return out;
    }

    private static ObjectNode operands(BooleanCondition.Operands operands) {
        ObjectNode out = object();
        out.putObject("operandOne").put("fieldId", operands.fieldId());
        out.set("operandTwo", WireJson.fieldValue(operands.value()));
        out.put("result", operands.result());
        return out;
    }
}
