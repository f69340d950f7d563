package io.opencases.bootstrap.workspace;

import software.amazon.awssdk.services.connectcases.ConnectCasesClient;
import software.amazon.awssdk.services.connectcases.model.BooleanCondition;
import software.amazon.awssdk.services.connectcases.model.FieldValue;
import software.amazon.awssdk.services.connectcases.model.FieldValueUnion;
import software.amazon.awssdk.services.connectcases.model.RelatedItemInputContent;
import software.amazon.awssdk.services.connectcases.model.RelatedItemType;

import java.util.ArrayList;
import java.util.List;

/**
 * A support domain as an admin would set it up through the API: a Category with Sub-reasons narrowed by it, a Refund
 * reason that is hidden unless the category is Billing and required when it is, a Resolution required to close, a
 * layout placing them, and one template applying the rules.
 */
public final class WorkspaceSeed {
    public static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p-1";

    public final ConnectCasesClient cases;
    public final String domainId;
    public final String category;
    public final String subReason;
    public final String refundReason;
    public final String resolution;
    public final String templateId;

    public WorkspaceSeed(ConnectCasesClient cases, String domainName) {
        this.cases = cases;
        domainId = cases.createDomain(b -> b.name(domainName)).domainId();
        category = select("Category", "Billing", "billing", "Technical", "technical");
        subReason = select("Sub-reason", "Refund", "refund", "Invoice copy", "invoice", "Printer jam", "printer");
        refundReason = cases.createField(b -> b.domainId(domainId).name("Refund reason").type("Text")).fieldId();
        resolution = cases.createField(b -> b.domainId(domainId).name("Resolution").type("Text")).fieldId();
        String layoutId = cases.createLayout(b -> b.domainId(domainId).name("Support layout")
                .content(c -> c.basic(basic -> basic
                        .topPanel(p -> p.sections(s -> s.fieldGroup(g -> g.name("Request").fields(
                                f -> f.id(category), f -> f.id(subReason), f -> f.id(refundReason),
                                f -> f.id("summary")))))
                        .moreInfo(p -> p.sections(s -> s.fieldGroup(g -> g.name("Resolution").fields(
                                f -> f.id(resolution), f -> f.id("assigned_user"), f -> f.id("created_datetime")))))))
        ).layoutId();
        BooleanCondition billing = BooleanCondition.builder().equalTo(o -> o.operandOne(x -> x.fieldId(category))
                .operandTwo(x -> x.stringValue("billing")).result(true)).build();
        BooleanCondition billingHides = BooleanCondition.builder().equalTo(o -> o.operandOne(x -> x.fieldId(category))
                .operandTwo(x -> x.stringValue("billing")).result(false)).build();
        BooleanCondition closed = BooleanCondition.builder().equalTo(o -> o.operandOne(x -> x.fieldId("status"))
                .operandTwo(x -> x.stringValue("closed")).result(true)).build();
        String requiredRefund = cases.createCaseRule(b -> b.domainId(domainId).name("Refund reason for billing")
                .rule(r -> r.required(q -> q.defaultValue(false).conditions(billing)))).caseRuleId();
        String hiddenRefund = cases.createCaseRule(b -> b.domainId(domainId).name("Refund reason only for billing")
                .rule(r -> r.hidden(q -> q.defaultValue(true).conditions(billingHides)))).caseRuleId();
        String requiredResolution = cases.createCaseRule(b -> b.domainId(domainId).name("Resolution to close")
                .rule(r -> r.required(q -> q.defaultValue(false).conditions(closed)))).caseRuleId();
        String narrowSubReason = cases.createCaseRule(b -> b.domainId(domainId).name("Sub-reasons per category")
                .rule(r -> r.fieldOptions(f -> f.parentFieldId(category).childFieldId(subReason)
                        .parentChildFieldOptionsMappings(
                                m -> m.parentFieldOptionValue("billing").childFieldOptionValues("refund", "invoice"),
                                m -> m.parentFieldOptionValue("technical").childFieldOptionValues("printer")))))
                .caseRuleId();
        templateId = cases.createTemplate(b -> b.domainId(domainId).name("Support request").status("Active")
                .layoutConfiguration(l -> l.defaultLayout(layoutId))
                .rules(r -> r.caseRuleId(requiredRefund).fieldId(refundReason),
                        r -> r.caseRuleId(hiddenRefund).fieldId(refundReason),
                        r -> r.caseRuleId(requiredResolution).fieldId(resolution),
                        r -> r.caseRuleId(narrowSubReason))).templateId();
    }

    private String select(String name, String... namesAndValues) {
        String id = cases.createField(b -> b.domainId(domainId).name(name).type("SingleSelect")).fieldId();
        var options = new ArrayList<software.amazon.awssdk.services.connectcases.model.FieldOption>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.add(software.amazon.awssdk.services.connectcases.model.FieldOption.builder()
                    .name(namesAndValues[i]).value(namesAndValues[i + 1]).active(true).build());
        }
        cases.batchPutFieldOptions(b -> b.domainId(domainId).fieldId(id).options(options));
        return id;
    }

    /** A new case with this title (and the given extra text fields), returning its id. */
    public String newCase(String title, String... fieldIdsAndValues) {
        var fields = new ArrayList<>(List.of(text("title", title), text("customer_id", CUSTOMER)));
        for (int i = 0; i < fieldIdsAndValues.length; i += 2) {
            fields.add(text(fieldIdsAndValues[i], fieldIdsAndValues[i + 1]));
        }
        return cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(fields)).caseId();
    }

    public void comment(String caseId, String body) {
        cases.createRelatedItem(b -> b.domainId(domainId).caseId(caseId).type(RelatedItemType.COMMENT)
                .content(RelatedItemInputContent.builder().comment(c -> c.body(body).contentType("Text/Plain")).build())
                .performedBy(u -> u.customEntity("api-client")));
    }

    /**
     * One related item of every kind after {@code comments} comments: a contact, a file, an SLA on the status, a
     * connected case and a custom item (so the newest is the custom item).
     */
    public void everyKindOfItem(String caseId, int comments, String connectedCaseId) {
        for (int i = 1; i <= comments; i++) {
            comment(caseId, "Comment number " + i);
        }
        create(caseId, RelatedItemType.CONTACT, RelatedItemInputContent.builder().contact(c -> c.contactArn(
                "arn:aws:connect:us-east-1:111111111111:instance/i/contact/c-" + caseId)).build());
        create(caseId, RelatedItemType.FILE, RelatedItemInputContent.builder().file(f -> f.fileArn(
                "arn:aws:connect:us-east-1:111111111111:instance/i/file/receipt.pdf")).build());
        create(caseId, RelatedItemType.SLA, RelatedItemInputContent.builder().sla(s -> s.slaInputConfiguration(c -> c
                .name("First response").type("CaseField").fieldId("status")
                .targetFieldValues(FieldValueUnion.builder().stringValue("closed").build())
                .targetSlaMinutes(240L))).build());
        create(caseId, RelatedItemType.CONNECT_CASE, RelatedItemInputContent.builder().connectCase(c -> c
                .caseId(connectedCaseId)).build());
        create(caseId, RelatedItemType.CUSTOM, RelatedItemInputContent.builder().custom(c -> c.fields(
                text(resolution, "Custom note"))).build());
    }

    private void create(String caseId, RelatedItemType type, RelatedItemInputContent content) {
        cases.createRelatedItem(b -> b.domainId(domainId).caseId(caseId).type(type).content(content)
                .performedBy(u -> u.customEntity("api-client")));
    }

    public static FieldValue text(String id, String value) {
        return FieldValue.builder().id(id).value(FieldValueUnion.builder().stringValue(value).build()).build();
    }

    /** The case's current value of a text field, or null. */
    public String value(String caseId, String fieldId) {
        return cases.getCase(b -> b.domainId(domainId).caseId(caseId).fields(f -> f.id(fieldId))).fields().stream()
                .findFirst().map(f -> f.value().stringValue() != null ? f.value().stringValue()
                        : f.value().userArnValue()).orElse(null);
    }
}
