package io.opencases.bootstrap.conformance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.AuditEvent;
import software.amazon.awssdk.services.connectcases.model.AuditEventType;
import software.amazon.awssdk.services.connectcases.model.ConflictException;
import software.amazon.awssdk.services.connectcases.model.EmptyFieldValue;
import software.amazon.awssdk.services.connectcases.model.FieldOption;
import software.amazon.awssdk.services.connectcases.model.FieldValue;
import software.amazon.awssdk.services.connectcases.model.FieldValueUnion;
import software.amazon.awssdk.services.connectcases.model.OperandTwo;
import software.amazon.awssdk.services.connectcases.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connectcases.model.TemplateStatus;
import software.amazon.awssdk.services.connectcases.model.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CreateCase, GetCase, UpdateCase, DeleteCase and GetCaseAuditEvents, with the rules a case must follow. */
class CaseConformanceTest extends ConformanceSuite {
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/profiles-d/profiles/p-1";
    private static final String AGENT = "arn:aws:connect:us-east-1:111111111111:instance/i-1/agent/a-1";
    private static final List<String> ALL = List.of("title", "customer_id", "status", "summary", "case_id",
            "reference_number", "created_datetime", "last_updated_datetime", "last_updated_user",
            "last_closed_datetime", "last_reopened_datetime");

    private String domainId;
    private String templateId;
    private String amount;
    private String priority;
    private String website;
    private String due;
    private String urgent;

    @BeforeEach
    void domainWithFieldsAndTemplate() {
        domainId = newDomain();
        amount = cases.createField(b -> b.domainId(domainId).name("amount").type("Number")).fieldId();
        priority = selectField(domainId, "priority");
        website = cases.createField(b -> b.domainId(domainId).name("website").type("Url")).fieldId();
        due = cases.createField(b -> b.domainId(domainId).name("due").type("DateTime")).fieldId();
        urgent = cases.createField(b -> b.domainId(domainId).name("urgent").type("Boolean")).fieldId();
        cases.batchPutFieldOptions(b -> b.domainId(domainId).fieldId(priority).options(
                FieldOption.builder().name("High").value("high").active(true).build(),
                FieldOption.builder().name("Old").value("old").active(false).build()));
        templateId = cases.createTemplate(b -> b.domainId(domainId).name("standard")).templateId();
    }

    static FieldValue text(String id, String value) {
        return FieldValue.builder().id(id).value(v -> v.stringValue(value)).build();
    }

    static FieldValue number(String id, double value) {
        return FieldValue.builder().id(id).value(v -> v.doubleValue(value)).build();
    }

    static FieldValue empty(String id) {
        return FieldValue.builder().id(id).value(v -> v.emptyValue(EmptyFieldValue.builder().build())).build();
    }

    private List<FieldValue> basics(FieldValue... more) {
        var values = new ArrayList<>(List.of(text("title", "Printer on fire"), text("customer_id", CUSTOMER)));
        values.addAll(List.of(more));
        return values;
    }

    private String createCase(FieldValue... more) {
        return cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(basics(more))).caseId();
    }

    private Map<String, FieldValueUnion> read(String caseId, List<String> ids) {
        return cases.getCase(b -> b.domainId(domainId).caseId(caseId).fields(ids.stream()
                        .map(id -> software.amazon.awssdk.services.connectcases.model.FieldIdentifier.builder().id(id)
                                .build()).toList()))
                .fields().stream().collect(Collectors.toMap(FieldValue::id, FieldValue::value));
    }

    private void rejects(String expectedInMessage, FieldValue... more) {
        assertThatThrownBy(() -> createCase(more)).isInstanceOf(ValidationException.class)
                .hasMessageContaining(expectedInMessage);
    }

    @Test
    void createCaseFillsTheSystemFields() {
        var created = cases.createCase(b -> b.domainId(domainId).templateId(templateId)
                .fields(basics(number(amount, 12.5), text(website, "https://example.com/x"),
                        text(due, "2026-12-01T10:00:00Z"), FieldValue.builder().id(urgent)
                                .value(v -> v.booleanValue(true)).build(), text(priority, "high")))
                .performedBy(u -> u.userArn(AGENT)));
        assertThat(created.caseArn()).isEqualTo(domainArn(domainId) + "/case/" + created.caseId());

        var got = cases.getCase(b -> b.domainId(domainId).caseId(created.caseId())
                .fields(f -> f.id("title"), f -> f.id(amount), f -> f.id("status"), f -> f.id("case_id"),
                        f -> f.id("reference_number"), f -> f.id("created_datetime"), f -> f.id("last_updated_user"),
                        f -> f.id("summary"), f -> f.id(urgent)));
        Map<String, FieldValueUnion> values = got.fields().stream()
                .collect(Collectors.toMap(FieldValue::id, FieldValue::value));
        assertThat(got.templateId()).isEqualTo(templateId);
        assertThat(got.fields()).extracting(FieldValue::id).containsExactly("title", amount, "status", "case_id",
                "reference_number", "created_datetime", "last_updated_user", urgent);
        assertThat(values.get("title").stringValue()).isEqualTo("Printer on fire");
        assertThat(values.get(amount).doubleValue()).isEqualTo(12.5);
        assertThat(values.get(urgent).booleanValue()).isTrue();
        assertThat(values.get("status").stringValue()).isEqualTo("open");
        assertThat(values.get("case_id").stringValue()).isEqualTo(created.caseId());
        assertThat(values.get("reference_number").stringValue()).matches("\\d{8}");
        assertThat(java.time.Instant.parse(values.get("created_datetime").stringValue())).isNotNull();
        assertThat(values.get("last_updated_user").userArnValue()).isEqualTo(AGENT);
    }

    @Test
    void titleIsRequiredAndCustomerIsAProfileArn() {
        assertThatThrownBy(() -> cases.createCase(b -> b.domainId(domainId).templateId(templateId)
                .fields(text("customer_id", CUSTOMER))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> cases.createCase(b -> b.domainId(domainId).templateId(templateId)
                .fields(text("title", "t"), text("customer_id", "bob"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("profile ARN");
    }

    /** AWS's newest CreateCase documentation: customer_id is required only when the template requires it. */
    @Test
    void customerIsRequiredOnlyWhenTheTemplateRequiresIt() {
        String caseId = cases.createCase(b -> b.domainId(domainId).templateId(templateId)
                .fields(text("title", "no customer"))).caseId();
        assertThat(read(caseId, List.of("customer_id"))).isEmpty();
        cases.updateCase(b -> b.domainId(domainId).caseId(caseId).fields(text("customer_id", CUSTOMER)));
        assertThat(read(caseId, List.of("customer_id")).get("customer_id").stringValue()).isEqualTo(CUSTOMER);
        cases.updateCase(b -> b.domainId(domainId).caseId(caseId).fields(empty("customer_id")));
        assertThat(read(caseId, List.of("customer_id"))).isEmpty();

        String strict = cases.createTemplate(b -> b.domainId(domainId).name("strict")
                .requiredFields(r -> r.fieldId("customer_id"))).templateId();
        assertThatThrownBy(() -> cases.createCase(b -> b.domainId(domainId).templateId(strict)
                .fields(text("title", "t"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("customer_id");
        String required = cases.createCase(b -> b.domainId(domainId).templateId(strict)
                .fields(text("title", "t"), text("customer_id", CUSTOMER))).caseId();
        assertThatThrownBy(() -> cases.updateCase(b -> b.domainId(domainId).caseId(required)
                .fields(empty("customer_id"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("customer_id");
    }

    @Test
    void valuesMustFitTheirFields() {
        rejects(amount, text(amount, "12"));
        rejects(website, text(website, "not a url"));
        rejects(due, text(due, "tomorrow"));
        rejects("old", text(priority, "old"));
        rejects("nope", text(priority, "nope"));
        rejects("no-such-field", text("no-such-field", "x"));
        rejects("case_id", text("case_id", "mine"));
        rejects("title", text("title", "again"));
        rejects("summary", text("summary", "x".repeat(3001)));
        String gone = textField(domainId, "gone");
        cases.deleteField(b -> b.domainId(domainId).fieldId(gone));
        rejects(gone, text(gone, "x"));
    }

    @Test
    void templateMustExistBeActiveAndItsRequiredFieldsFilled() {
        assertThatThrownBy(() -> cases.createCase(b -> b.domainId(domainId).templateId("nope").fields(basics())))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("Template"));
        cases.updateTemplate(b -> b.domainId(domainId).templateId(templateId).status(TemplateStatus.INACTIVE));
        rejects("inactive");
        cases.updateTemplate(b -> b.domainId(domainId).templateId(templateId).status(TemplateStatus.ACTIVE)
                .requiredFields(f -> f.fieldId(amount)));
        rejects(amount);
        rejects(amount, empty(amount));
        assertThat(createCase(number(amount, 1))).isNotBlank();
        cases.deleteTemplate(b -> b.domainId(domainId).templateId(templateId));
        rejects("deleted", number(amount, 1));
    }

    @Test
    void clientTokenMakesRetriesIdempotent() {
        String token = UUID.randomUUID().toString();
        var first = cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(basics())
                .clientToken(token));
        var retry = cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(basics())
                .clientToken(token));

        assertThat(retry.caseId()).isEqualTo(first.caseId());
        assertThat(retry.caseArn()).isEqualTo(first.caseArn());
        assertThatThrownBy(() -> cases.createCase(b -> b.domainId(domainId).templateId(templateId)
                .fields(basics(text("summary", "different"))).clientToken(token)))
                .isInstanceOf(ConflictException.class);
        assertThat(createCase()).isNotEqualTo(createCase());
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndTracksClosing() {
        String caseId = createCase(text("summary", "first"), number(amount, 3));

        cases.updateCase(b -> b.domainId(domainId).caseId(caseId).fields(text("status", "closed"), empty(amount))
                .performedBy(u -> u.customEntity("nightly-job")));
        var closed = read(caseId, ALL.stream().collect(Collectors.toCollection(ArrayList::new)));
        assertThat(closed.get("summary").stringValue()).isEqualTo("first");
        assertThat(closed.get("status").stringValue()).isEqualTo("closed");
        assertThat(closed).containsKey("last_closed_datetime").doesNotContainKey("last_reopened_datetime")
                .doesNotContainKey("last_updated_user");
        assertThat(read(caseId, List.of(amount))).isEmpty();

        cases.updateCase(b -> b.domainId(domainId).caseId(caseId).fields(text("status", "open"))
                .performedBy(u -> u.userArn(AGENT)));
        var reopened = read(caseId, ALL);
        assertThat(reopened).containsKey("last_reopened_datetime");
        assertThat(reopened.get("last_updated_user").userArnValue()).isEqualTo(AGENT);

        assertThatThrownBy(() -> cases.updateCase(b -> b.domainId(domainId).caseId(caseId).fields(empty("title"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> cases.updateCase(b -> b.domainId(domainId).caseId(caseId)
                .fields(text("reference_number", "1"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> cases.updateCase(b -> b.domainId(domainId).caseId("nope").fields(empty("summary"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("Case"));
    }

    @Test
    void deletedFieldsKeepTheirValuesAndOnlyThoseCanChange() {
        String notes = textField(domainId, "notes");
        String withValue = createCase(text(notes, "kept"));
        String without = createCase();
        cases.deleteField(b -> b.domainId(domainId).fieldId(notes));

        assertThat(read(withValue, List.of(notes)).get(notes).stringValue()).isEqualTo("kept");
        cases.updateCase(b -> b.domainId(domainId).caseId(withValue).fields(text(notes, "changed")));
        assertThat(read(withValue, List.of(notes)).get(notes).stringValue()).isEqualTo("changed");
        assertThatThrownBy(() -> cases.updateCase(b -> b.domainId(domainId).caseId(without)
                .fields(text(notes, "new"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining(notes);
    }

    @Test
    void caseRulesOfTheTemplateAreEnforced() {
        String required = cases.createCaseRule(b -> b.domainId(domainId).name("summary-when-closed").rule(r -> r
                .required(q -> q.defaultValue(false).conditions(c -> c.equalTo(e -> e
                        .operandOne(o -> o.fieldId("status")).operandTwo(OperandTwo.builder().stringValue("closed")
                                .build()).result(true)))))).caseRuleId();
        String size = selectField(domainId, "size");
        cases.batchPutFieldOptions(b -> b.domainId(domainId).fieldId(size).options(
                FieldOption.builder().name("S").value("s").active(true).build(),
                FieldOption.builder().name("XL").value("xl").active(true).build()));
        String cascade = cases.createCaseRule(b -> b.domainId(domainId).name("size-by-priority").rule(r -> r
                .fieldOptions(f -> f.parentFieldId(priority).childFieldId(size).parentChildFieldOptionsMappings(
                        m -> m.parentFieldOptionValue("high").childFieldOptionValues("xl"))))).caseRuleId();
        cases.updateTemplate(b -> b.domainId(domainId).templateId(templateId)
                .rules(r -> r.caseRuleId(required).fieldId("summary"), r -> r.caseRuleId(cascade)));

        rejects("summary", text("status", "closed"));
        assertThat(createCase(text("status", "closed"), text("summary", "done"))).isNotBlank();
        rejects(size, text(priority, "high"), text(size, "s"));
        String caseId = createCase(text(priority, "high"), text(size, "xl"));
        assertThatThrownBy(() -> cases.updateCase(b -> b.domainId(domainId).caseId(caseId)
                .fields(text("status", "closed"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("summary");
    }

    @Test
    void auditHistoryRecordsCreationAndEachChange() {
        String caseId = cases.createCase(b -> b.domainId(domainId).templateId(templateId)
                .fields(basics(text("summary", "a"))).performedBy(u -> u.userArn(AGENT))).caseId();
        cases.updateCase(b -> b.domainId(domainId).caseId(caseId).fields(text("summary", "b")));
        cases.updateCase(b -> b.domainId(domainId).caseId(caseId).fields(empty("summary")));

        var events = new ArrayList<AuditEvent>();
        String token = null;
        do {
            String next = token;
            var page = cases.getCaseAuditEvents(b -> b.domainId(domainId).caseId(caseId).maxResults(2)
                    .nextToken(next));
            events.addAll(page.auditEvents());
            token = page.nextToken();
        } while (token != null);

        assertThat(events).extracting(AuditEvent::type).containsExactly(AuditEventType.CASE_CREATED,
                AuditEventType.CASE_UPDATED, AuditEventType.CASE_UPDATED);
        assertThat(events.get(0).performedBy().user().userArn()).isEqualTo(AGENT);
        assertThat(events.get(0).performedBy().iamPrincipalArn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(events.get(0).fields()).anySatisfy(f -> {
            assertThat(f.eventFieldId()).isEqualTo("title");
            assertThat(f.oldValue()).isNull();
            assertThat(f.newValue().stringValue()).isEqualTo("Printer on fire");
        });
        assertThat(events.get(1).fields()).anySatisfy(f -> {
            assertThat(f.eventFieldId()).isEqualTo("summary");
            assertThat(f.oldValue().stringValue()).isEqualTo("a");
            assertThat(f.newValue().stringValue()).isEqualTo("b");
        });
        assertThat(events.get(2).fields()).anySatisfy(f -> {
            assertThat(f.eventFieldId()).isEqualTo("summary");
            assertThat(f.newValue().emptyValue()).isNotNull();
        });
    }

    @Test
    void deleteCaseRemovesCaseHistoryAndTags() {
        String caseId = createCase();
        String caseArn = domainArn(domainId) + "/case/" + caseId;
        cases.tagResource(b -> b.arn(caseArn).tags(Map.of("vip", "yes")));
        assertThat(cases.getCase(b -> b.domainId(domainId).caseId(caseId).fields(f -> f.id("title"))).tags())
                .containsEntry("vip", "yes");

        cases.deleteCase(b -> b.domainId(domainId).caseId(caseId));

        assertThatThrownBy(() -> cases.getCase(b -> b.domainId(domainId).caseId(caseId).fields(f -> f.id("title"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cases.getCaseAuditEvents(b -> b.domainId(domainId).caseId(caseId)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cases.listTagsForResource(b -> b.arn(caseArn)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cases.deleteCase(b -> b.domainId(domainId).caseId(caseId)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anotherAccountCannotReadTheCase() {
        String caseId = createCase();
        try (var other = server.client(TestServer.ACCOUNT_B)) {
            assertThatThrownBy(() -> other.getCase(b -> b.domainId(domainId).caseId(caseId).fields(f -> f.id("title"))))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }
}
