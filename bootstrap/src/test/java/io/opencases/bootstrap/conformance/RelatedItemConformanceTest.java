package io.opencases.bootstrap.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opencases.application.Quotas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.AuditEvent;
import software.amazon.awssdk.services.connectcases.model.FieldValue;
import software.amazon.awssdk.services.connectcases.model.FieldValueUnion;
import software.amazon.awssdk.services.connectcases.model.RelatedItemInputContent;
import software.amazon.awssdk.services.connectcases.model.RelatedItemType;
import software.amazon.awssdk.services.connectcases.model.RelatedItemTypeFilter;
import software.amazon.awssdk.services.connectcases.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connectcases.model.SearchRelatedItemsResponseItem;
import software.amazon.awssdk.services.connectcases.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.connectcases.model.SlaStatus;
import software.amazon.awssdk.services.connectcases.model.ValidationException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CreateRelatedItem, UpdateRelatedItem, DeleteRelatedItem, SearchRelatedItems and ListCasesForContact. */
class RelatedItemConformanceTest extends ConformanceSuite {
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";
    private static final String CONTACT = "arn:aws:connect:us-east-1:111111111111:instance/i/contact/c-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String domainId;
    private String caseId;

    @BeforeEach
    void aCase() {
        domainId = newDomain();
        String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();
        caseId = newCase(templateId);
    }

    private String newCase(String templateId) {
        return cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(
                CaseConformanceTest.text("title", "t"), CaseConformanceTest.text("customer_id", CUSTOMER))).caseId();
    }

    private String create(RelatedItemType type, RelatedItemInputContent content) {
        return cases.createRelatedItem(b -> b.domainId(domainId).caseId(caseId).type(type).content(content)
                .performedBy(u -> u.customEntity("tester"))).relatedItemId();
    }

    private static RelatedItemInputContent comment(String body) {
        return RelatedItemInputContent.builder().comment(c -> c.body(body).contentType("Text/Plain")).build();
    }

    private static RelatedItemInputContent sla(String target, long minutes) {
        return RelatedItemInputContent.builder().sla(s -> s.slaInputConfiguration(c -> c.name("resolve").type("CaseField")
                .fieldId("status").targetFieldValues(FieldValueUnion.builder().stringValue(target).build())
                .targetSlaMinutes(minutes))).build();
    }

    private List<SearchRelatedItemsResponseItem> search(RelatedItemTypeFilter... filters) {
        return cases.searchRelatedItems(b -> b.domainId(domainId).caseId(caseId).filters(filters)).relatedItems();
    }

    @Test
    void everyTypeIsCreatedAndFoundByItsFilter() {
        String other = cases.createCase(b -> b.domainId(domainId)
                .templateId(cases.listTemplates(t -> t.domainId(domainId)).templates().get(0).templateId())
                .fields(CaseConformanceTest.text("title", "other"), CaseConformanceTest.text("customer_id", CUSTOMER)))
                .caseId();
        String priority = textField(domainId, "priority");
        var created = cases.createRelatedItem(b -> b.domainId(domainId).caseId(caseId).type(RelatedItemType.COMMENT)
                .content(comment("first")));
        assertThat(created.relatedItemArn())
                .isEqualTo(domainArn(domainId) + "/case/" + caseId + "/related-item/" + created.relatedItemId());
        create(RelatedItemType.CONTACT, RelatedItemInputContent.builder().contact(c -> c.contactArn(CONTACT)).build());
        create(RelatedItemType.FILE, RelatedItemInputContent.builder().file(f -> f.fileArn("arn:aws:connect:f")).build());
        create(RelatedItemType.CONNECT_CASE, RelatedItemInputContent.builder().connectCase(c -> c.caseId(other)).build());
        create(RelatedItemType.CUSTOM, RelatedItemInputContent.builder().custom(c -> c.fields(
                CaseConformanceTest.text(priority, "high"))).build());
        create(RelatedItemType.SLA, sla("closed", 60));

        assertThat(search()).extracting(SearchRelatedItemsResponseItem::type).containsExactly(
                RelatedItemType.COMMENT, RelatedItemType.CONTACT, RelatedItemType.FILE, RelatedItemType.CONNECT_CASE,
                RelatedItemType.CUSTOM, RelatedItemType.SLA);
        assertThat(search(RelatedItemTypeFilter.builder().comment(c -> { }).build())).singleElement()
                .satisfies(i -> assertThat(i.content().comment().body()).isEqualTo("first"));
        var contact = search(RelatedItemTypeFilter.builder().contact(c -> c.contactArn(CONTACT)).build());
        assertThat(contact).singleElement().satisfies(i -> {
            assertThat(i.content().contact().channel()).isEqualTo("UNKNOWN");
            assertThat(i.content().contact().connectedToSystemTime()).isEqualTo(i.associationTime());
            assertThat(i.performedBy().customEntity()).isEqualTo("tester");
        });
        assertThat(search(RelatedItemTypeFilter.builder().file(f -> f.fileArn("arn:aws:connect:f")).build()))
                .hasSize(1);
        assertThat(search(RelatedItemTypeFilter.builder().connectCase(c -> c.caseId(other)).build())).hasSize(1);
        assertThat(search(RelatedItemTypeFilter.builder().custom(c -> c.fields(f -> f.field(ff -> ff.equalTo(
                CaseConformanceTest.text(priority, "high"))))).build())).hasSize(1);
        assertThat(search(RelatedItemTypeFilter.builder().custom(c -> c.fields(f -> f.field(ff -> ff.equalTo(
                CaseConformanceTest.text(priority, "low"))))).build())).isEmpty();
        assertThat(search(RelatedItemTypeFilter.builder().comment(c -> { }).build(),
                RelatedItemTypeFilter.builder().file(f -> { }).build())).hasSize(2);
    }

    @Test
    void slaIsActiveUntilTheCaseReachesTheTargetThenMet() {
        create(RelatedItemType.SLA, sla("closed", 60));
        var active = search(RelatedItemTypeFilter.builder().sla(s -> s.status(SlaStatus.ACTIVE)).build());
        assertThat(active).singleElement().satisfies(i -> {
            var configuration = i.content().sla().slaConfiguration();
            assertThat(configuration.targetTime()).isEqualTo(i.associationTime().plusSeconds(3600));
            assertThat(configuration.completionTime()).isNull();
        });
        var breach = cases.getCase(b -> b.domainId(domainId).caseId(caseId).fields(f -> f.id("next_sla_breach_datetime")))
                .fields();
        assertThat(breach).singleElement().satisfies(f -> assertThat(java.time.Instant.parse(f.value().stringValue()))
                .isEqualTo(active.get(0).content().sla().slaConfiguration().targetTime()));

        cases.updateCase(b -> b.domainId(domainId).caseId(caseId).fields(CaseConformanceTest.text("status", "closed")));

        var met = search(RelatedItemTypeFilter.builder().sla(s -> s.status(SlaStatus.MET)).build());
        assertThat(met).singleElement().satisfies(i ->
                assertThat(i.content().sla().slaConfiguration().completionTime()).isNotNull());
        assertThat(cases.getCase(b -> b.domainId(domainId).caseId(caseId).fields(f -> f.id("next_sla_breach_datetime")))
                .fields()).isEmpty();
        assertThatThrownBy(() -> create(RelatedItemType.SLA, sla("nonsense", 5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("status option");
    }

    @Test
    void typeMustMatchContentAndReferencesMustExist() {
        assertThatThrownBy(() -> create(RelatedItemType.FILE, comment("x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> create(RelatedItemType.CONNECT_CASE,
                RelatedItemInputContent.builder().connectCase(c -> c.caseId("nope")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> create(RelatedItemType.CUSTOM, RelatedItemInputContent.builder().custom(c -> c
                .fields(CaseConformanceTest.text("summary", "x"))).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("System");
        assertThatThrownBy(() -> cases.createRelatedItem(b -> b.domainId(domainId).caseId("nope")
                .type(RelatedItemType.COMMENT).content(comment("x"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("Case"));
    }

    @Test
    void filesCannotBeDeletedOthersCanAndAuditRecordsIt() {
        String file = create(RelatedItemType.FILE, RelatedItemInputContent.builder().file(f -> f.fileArn("arn:f")).build());
        String comment = create(RelatedItemType.COMMENT, comment("bye"));

        assertThatThrownBy(() -> cases.deleteRelatedItem(b -> b.domainId(domainId).caseId(caseId).relatedItemId(file)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("File");
        cases.deleteRelatedItem(b -> b.domainId(domainId).caseId(caseId).relatedItemId(comment));
        assertThatThrownBy(() -> cases.deleteRelatedItem(b -> b.domainId(domainId).caseId(caseId)
                .relatedItemId(comment)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("RelatedItem"));

        assertThat(search()).extracting(SearchRelatedItemsResponseItem::relatedItemId).containsExactly(file);
        List<AuditEvent> events = cases.getCaseAuditEvents(b -> b.domainId(domainId).caseId(caseId)).auditEvents();
        // RelatedItem.Deleted postdates the SDK's enum, so types are compared as the strings on the wire.
        assertThat(events).extracting(AuditEvent::typeAsString).containsExactly("Case.Created",
                "RelatedItem.Created", "RelatedItem.Created", "RelatedItem.Deleted");
        assertThat(events.get(3).relatedItemType()).isEqualTo(RelatedItemType.COMMENT);
    }

    @Test
    void updateRelatedItemReplacesCommentsAndCustomFieldSets() throws Exception {
        String comment = create(RelatedItemType.COMMENT, comment("draft"));
        String a = textField(domainId, "a");
        String b = textField(domainId, "b");
        String custom = create(RelatedItemType.CUSTOM, RelatedItemInputContent.builder().custom(c -> c.fields(
                CaseConformanceTest.text(a, "1"), CaseConformanceTest.text(b, "2"))).build());
        String base = "/domains/" + domainId + "/cases/" + caseId + "/related-items/";

        var response = SignedHttp.send(server.endpoint(), TestServer.ACCOUNT_A, "PUT", base + comment,
                "{\"content\":{\"comment\":{\"body\":\"final\",\"contentType\":\"Text/Plain\"}},"
                        + "\"performedBy\":{\"userArn\":\"arn:aws:connect:::agent/x\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode updated = JSON.readTree(response.body());
        assertThat(updated.at("/content/comment/body").asText()).isEqualTo("final");
        assertThat(updated.at("/lastUpdatedUser/userArn").asText()).isEqualTo("arn:aws:connect:::agent/x");
        assertThat(updated.at("/createdBy/customEntity").asText()).isEqualTo("tester");
        assertThat(updated.get("relatedItemArn").asText()).endsWith("/related-item/" + comment);

        var replaced = SignedHttp.send(server.endpoint(), TestServer.ACCOUNT_A, "PUT", base + custom,
                "{\"content\":{\"custom\":{\"fields\":[{\"id\":\"" + b + "\",\"value\":{\"stringValue\":\"3\"}}]}}}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(search(RelatedItemTypeFilter.builder().custom(c -> { }).build())).singleElement()
                .satisfies(i -> assertThat(i.content().custom().fields()).extracting(FieldValue::id)
                        .containsExactly(b));

        var wrongType = SignedHttp.send(server.endpoint(), TestServer.ACCOUNT_A, "PUT", base + custom,
                "{\"content\":{\"comment\":{\"body\":\"x\",\"contentType\":\"Text/Plain\"}}}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.headers().firstValue("X-Amzn-ErrorType")).hasValue("ValidationException");
        var unsigned = SignedHttp.send(server.endpoint(), TestServer.ACCOUNT_B, "PUT", base + comment,
                "{\"content\":{\"comment\":{\"body\":\"x\",\"contentType\":\"Text/Plain\"}}}");
        assertThat(unsigned.statusCode()).isEqualTo(404);
        assertThat(cases.getCaseAuditEvents(r -> r.domainId(domainId).caseId(caseId)).auditEvents())
                .extracting(AuditEvent::typeAsString).contains("RelatedItem.Updated");
    }

    @Test
    void searchPagesAndListCasesForContactFindsEveryCase() {
        for (int i = 0; i < 5; i++) {
            create(RelatedItemType.COMMENT, comment("c" + i));
        }
        var bodies = new ArrayList<String>();
        String token = null;
        do {
            String next = token;
            var page = cases.searchRelatedItems(b -> b.domainId(domainId).caseId(caseId).maxResults(2).nextToken(next));
            page.relatedItems().forEach(i -> bodies.add(i.content().comment().body()));
            token = page.nextToken();
        } while (token != null);
        assertThat(bodies).containsExactly("c0", "c1", "c2", "c3", "c4");

        create(RelatedItemType.CONTACT, RelatedItemInputContent.builder().contact(c -> c.contactArn(CONTACT)).build());
        String templateId = cases.listTemplates(t -> t.domainId(domainId)).templates().get(0).templateId();
        String second = newCase(templateId);
        cases.createRelatedItem(b -> b.domainId(domainId).caseId(second).type(RelatedItemType.CONTACT)
                .content(c -> c.contact(x -> x.contactArn(CONTACT))));
        var page1 = cases.listCasesForContact(b -> b.domainId(domainId).contactArn(CONTACT).maxResults(1));
        var page2 = cases.listCasesForContact(b -> b.domainId(domainId).contactArn(CONTACT).maxResults(1)
                .nextToken(page1.nextToken()));
        var found = new ArrayList<String>();
        page1.cases().forEach(c -> found.add(c.caseId()));
        page2.cases().forEach(c -> found.add(c.caseId()));
        assertThat(found).containsExactlyInAnyOrder(caseId, second);
        assertThat(page2.cases().get(0).templateId()).isEqualTo(templateId);
    }

    @Test
    void relatedItemsAreTaggableAndTheirTagsShowInSearch() {
        String itemId = create(RelatedItemType.COMMENT, comment("tag me"));
        String arn = domainArn(domainId) + "/case/" + caseId + "/related-item/" + itemId;

        cases.tagResource(b -> b.arn(arn).tags(java.util.Map.of("topic", "billing")));

        assertThat(cases.listTagsForResource(b -> b.arn(arn)).tags()).containsEntry("topic", "billing");
        assertThat(search()).singleElement().satisfies(i -> assertThat(i.tags()).containsEntry("topic", "billing"));
        cases.deleteRelatedItem(b -> b.domainId(domainId).caseId(caseId).relatedItemId(itemId));
        assertThatThrownBy(() -> cases.listTagsForResource(b -> b.arn(arn)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void perCaseQuotasAnswer402() {
        try (var own = TestServer.start(new Quotas(10, 500, 500, 100, 100, 100, 100, 3, 1, 1, 5));
             var client = own.client()) {
            String d = client.createDomain(b -> b.name("q")).domainId();
            String t = client.createTemplate(b -> b.domainId(d).name("t")).templateId();
            String c = client.createCase(b -> b.domainId(d).templateId(t).fields(CaseConformanceTest.text("title", "t"),
                    CaseConformanceTest.text("customer_id", CUSTOMER))).caseId();
            client.createRelatedItem(b -> b.domainId(d).caseId(c).type(RelatedItemType.FILE)
                    .content(x -> x.file(f -> f.fileArn("f1"))));
            assertThatThrownBy(() -> client.createRelatedItem(b -> b.domainId(d).caseId(c).type(RelatedItemType.FILE)
                    .content(x -> x.file(f -> f.fileArn("f2")))))
                    .isInstanceOf(ServiceQuotaExceededException.class).hasMessageContaining("files");
            client.createRelatedItem(b -> b.domainId(d).caseId(c).type(RelatedItemType.COMMENT).content(comment("1")));
            client.createRelatedItem(b -> b.domainId(d).caseId(c).type(RelatedItemType.COMMENT).content(comment("2")));
            assertThatThrownBy(() -> client.createRelatedItem(b -> b.domainId(d).caseId(c)
                    .type(RelatedItemType.COMMENT).content(comment("3"))))
                    .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(402));
        }
    }
}
