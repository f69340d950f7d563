package io.opencases.rest.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.event.CaseEvent;
import io.opencases.domain.relateditem.CustomValue;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.rest.WireJson;

/** Writes a case event in the EventBridge "Amazon Connect Cases Change" shape that AWS documents. */
public final class CaseEventJson {
    private CaseEventJson() {
    }

    public static String toJson(CaseEvent event) {
        ObjectNode envelope = WireJson.object().put("version", "0").put("id", event.eventId())
                .put("detail-type", "Amazon Connect Cases Change").put("source", "aws.cases")
                .put("account", event.accountId()).put("time", WireJson.timestamp(event.time()))
                .put("region", event.region());
        ArrayNode resources = envelope.putArray("resources");
        event.resources().forEach(resources::add);
        ObjectNode detail = envelope.putObject("detail").put("version", "0").put("eventType", event.eventType())
                .put("approximateChangeTime", WireJson.timestamp(event.time()));
        if (event.relatedItem() == null) {
            ArrayNode changed = detail.putArray("changedFieldIds");
            event.changedFieldIds().forEach(changed::add);
        } else {
            ArrayNode changed = detail.putArray("changedAttributes");
            event.changedAttributes().forEach(changed::add);
        }
        ObjectNode performedBy = detail.putObject("performedBy");
        if (event.user() instanceof CaseUser.UserArn arn) {
            performedBy.putObject("user").put("userArn", arn.arn());
        } else if (event.user() instanceof CaseUser.CustomEntity entity) {
            performedBy.putObject("user").put("customEntity", entity.name());
        }
        if (event.iamPrincipalArn() != null) {
            performedBy.put("iamPrincipalArn", event.iamPrincipalArn());
        }
        if (event.caseData() != null) {
            var data = event.caseData();
            ObjectNode aCase = detail.putObject("case").put("caseId", data.caseId())
                    .put("templateId", data.templateId())
                    .put("createdDateTime", WireJson.timestamp(data.createdDateTime()));
            ObjectNode fields = aCase.putObject("fields");
            data.fields().forEach((id, value) -> fields.putObject(id).set("value", WireJson.fieldValue(value)));
        }
        if (event.relatedItem() != null) {
            var item = event.relatedItem();
            ObjectNode related = detail.putObject("relatedItem").put("relatedItemType", item.relatedItemType())
                    .put("relatedItemId", item.relatedItemId()).put("caseId", item.caseId())
                    .put("createdDateTime", WireJson.timestamp(item.createdDateTime()));
            putContent(related, item.content());
        }
        return envelope.toString();
    }

    private static void putContent(ObjectNode related, RelatedItemContent content) {
        if (content instanceof RelatedItemContent.Comment c) {
            related.putObject("comment").put("body", c.body());
        } else if (content instanceof RelatedItemContent.Contact c) {
            related.putObject("contact").put("contactArn", c.contactArn()).put("channel", c.channel());
        } else if (content instanceof RelatedItemContent.File f) {
            related.putObject("file").put("fileArn", f.fileArn());
        } else if (content instanceof RelatedItemContent.ConnectCase c) {
            related.putObject("connectCase").put("caseId", c.caseId());
        } else if (content instanceof RelatedItemContent.Sla s) {
            related.putObject("sla").put("name", s.name()).put("targetTime", WireJson.timestamp(s.targetTime()));
        } else if (content instanceof RelatedItemContent.Custom c) {
            ObjectNode fields = related.putObject("custom").putObject("fields");
            for (CustomValue v : c.fields()) {
                fields.putObject(v.fieldId()).set("value", WireJson.fieldValue(v.value()));
            }
        }
    }
}
