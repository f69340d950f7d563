package io.opencases.bootstrap.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencases.bootstrap.conformance.NewestOperations.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.AuditEvent;
import software.amazon.awssdk.services.connectcases.model.FieldValueUnion;
import software.amazon.awssdk.services.connectcases.model.RelatedItemType;
import software.amazon.awssdk.services.connectcases.model.RelatedItemTypeFilter;
import software.amazon.awssdk.services.connectcases.model.SearchCasesResponseItem;
import software.amazon.awssdk.services.connectcases.model.SearchRelatedItemsResponseItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.opencases.bootstrap.conformance.NewestOperations.byId;
import static io.opencases.bootstrap.conformance.NewestOperations.byReference;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BatchUpdateCase and BatchCreateRelatedItem (newer than the SDK on Maven Central: signed raw requests), reference
 * IDs, and the documented failure model: whole-request failures change nothing, per-case failures are reported
 * with their codes while the other cases change, and a client token makes a retry answer the same.
 */
class BatchOperationsConformanceTest extends ConformanceSuite {
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/profiles-d/profiles/p-1";
    private static final String AGENT = "arn:aws:connect:us-east-1:111111111111:instance/i-1/agent/a-1";

    private NewestOperations newest;
    private String domainId;
    private String templateId;
    private String priority;
    private String notes;

    @BeforeEach
    void domainWithFieldsAndTemplate() {
        newest = new NewestOperations(server.endpoint(), TestServer.ACCOUNT_A);
        domainId = newDomain();
        priority = selectField(domainId, "Priority");
        notes = textField(domainId, "Notes");
        cases.batchPutFieldOptions(b -> b.domainId(domainId).fieldId(priority).options(
                o -> o.name("High").value("high").active(true), o -> o.name("Low").value("low").active(true)));
        templateId = cases.createTemplate(b -> b.domainId(domainId).name("standard")).templateId();
    }

    private String createCase(String title) {
        return cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(
                CaseConformanceTest.text("title", title), CaseConformanceTest.text("customer_id", CUSTOMER))).caseId();
    }

    private Map<String, FieldValueUnion> read(String caseId, String... ids) {
        return cases.getCase(b -> b.domainId(domainId).caseId(caseId).fields(java.util.Arrays.stream(ids)
                        .map(id -> software.amazon.awssdk.services.connectcases.model.FieldIdentifier.builder().id(id)
                                .build()).toList()))
                .fields().stream().collect(Collectors.toMap(f -> f.id(), f -> f.value()));
    }

    private String title(String caseId) {
        return read(caseId, "title").get("title").stringValue();
    }

    private String referenceId(String caseId) {
        return read(caseId, "reference_id").get("reference_id").stringValue();
    }

    private List<String> auditTypes(String caseId) {
        return cases.getCaseAuditEvents(b -> b.domainId(domainId).caseId(caseId)).auditEvents().stream()
                .map(AuditEvent::typeAsString).toList();
    }

    private List<SearchRelatedItemsResponseItem> comments(String caseId) {
        return cases.searchRelatedItems(b -> b.domainId(domainId).caseId(caseId)
                .filters(RelatedItemTypeFilter.builder().comment(c -> { }).build())).relatedItems();
    }

    private String update(String casesJson, String rest) {
        return "{\"domainId\":\"" + domainId + "\",\"cases\":[" + casesJson + "]" + rest + "}";
    }

    private String comment(String casesJson, String rest) {
        return "{\"domainId\":\"" + domainId + "\",\"cases\":[" + casesJson + "],\"content\":{\"comment\":"
                + "{\"body\":\"Merged into the outage ticket\",\"contentType\":\"Text/Plain\"}}" + rest + "}";
    }

    private static void assertRejected(Answer answer, int status, String errorType, String fragment) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.errorType()).isEqualTo(errorType);
        assertThat(answer.message()).contains(fragment);
    }

    @Test
    void everyCaseGetsAReferenceIdThatIsSearchableAndAddressesItInAnyLetterCase() {
        String caseId = createCase("Reference me");
        String other = createCase("Someone else");
        String reference = referenceId(caseId);

        assertThat(reference).matches("[0-9A-Z]{26}").isNotEqualTo(referenceId(other));
        var byFilter = cases.searchCases(b -> b.domainId(domainId).filter(f -> f.field(x -> x.equalTo(
                CaseConformanceTest.text("reference_id", reference))))).cases();
        assertThat(byFilter).extracting(SearchCasesResponseItem::caseId).containsExactly(caseId);
        var byTerm = cases.searchCases(b -> b.domainId(domainId).searchTerm(reference.toLowerCase(Locale.ROOT)))
                .cases();
        assertThat(byTerm).extracting(SearchCasesResponseItem::caseId).containsExactly(caseId);

        Answer answer = newest.batchUpdateCase(update(byReference(reference.toLowerCase(Locale.ROOT)),
                ",\"title\":\"Found by reference\""));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().at("/successfulCases/0/caseIdentifier/caseId").asText()).isEqualTo(caseId);
        assertThat(answer.body().at("/successfulCases/0/caseIdentifier/referenceId").asText()).isEqualTo(reference);
        assertThat(title(caseId)).isEqualTo("Found by reference");
    }

    @Test
    void batchUpdateCaseAppliesUpdateCaseToEveryCase() {
        String first = createCase("one");
        String second = createCase("two");
        String third = createCase("three");

        Answer answer = newest.batchUpdateCase(update(byId(first) + "," + byReference(referenceId(second)) + ","
                        + byId(third),
                ",\"fields\":[{\"fieldIdentifier\":{\"name\":\"Priority\"},\"value\":{\"stringValue\":\"high\"}},"
                        + "{\"fieldIdentifier\":{\"id\":\"" + notes + "\"},\"value\":{\"stringValue\":\"bulk\"}}],"
                        + "\"title\":\"Outage\",\"status\":\"closed\",\"performedBy\":{\"userArn\":\"" + AGENT + "\"}"));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("failedCases")).isEmpty();
        assertThat(answer.body().get("successfulCases")).extracting(n -> n.at("/caseIdentifier/caseId").asText())
                .containsExactly(first, second, third);
        for (String caseId : List.of(first, second, third)) {
            var values = read(caseId, "title", "status", priority, notes, "last_closed_datetime",
                    "last_updated_user");
            assertThat(values.get("title").stringValue()).isEqualTo("Outage");
            assertThat(values.get("status").stringValue()).isEqualTo("closed");
            assertThat(values.get(priority).stringValue()).isEqualTo("high");
            assertThat(values.get(notes).stringValue()).isEqualTo("bulk");
            assertThat(values).containsKey("last_closed_datetime");
            assertThat(values.get("last_updated_user").userArnValue()).isEqualTo(AGENT);
            assertThat(auditTypes(caseId)).containsExactly("Case.Created", "Case.Updated");
        }
        var found = cases.searchCases(b -> b.domainId(domainId).filter(f -> f.field(x -> x.equalTo(
                CaseConformanceTest.text("title", "Outage"))))).cases();
        assertThat(found).extracting(SearchCasesResponseItem::caseId).containsExactlyInAnyOrder(first, second, third);
    }

    @Test
    void casesThatFailAreReportedWhileTheOthersAreUpdated() {
        String plain = createCase("plain");
        String strictTemplate = cases.createTemplate(b -> b.domainId(domainId).name("strict")
                .requiredFields(r -> r.fieldId(notes))).templateId();
        String strict = cases.createCase(b -> b.domainId(domainId).templateId(strictTemplate).fields(
                CaseConformanceTest.text("title", "strict"), CaseConformanceTest.text(notes, "must stay"))).caseId();
        String missing = UUID.randomUUID().toString();

        Answer answer = newest.batchUpdateCase(update(byId(plain) + "," + byId(missing) + "," + byId(strict),
                ",\"fields\":[{\"fieldIdentifier\":{\"id\":\"" + notes + "\"},\"value\":{\"emptyValue\":{}}}],"
                        + "\"title\":\"partly\""));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("successfulCases")).extracting(n -> n.at("/caseIdentifier/caseId").asText())
                .containsExactly(plain);
        JsonNode failed = answer.body().get("failedCases");
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0).at("/caseIdentifier/caseId").asText()).isEqualTo(missing);
        assertThat(failed.get(0).get("errorCode").asText()).isEqualTo("CASE_NOT_FOUND");
        assertThat(failed.get(1).at("/caseIdentifier/caseId").asText()).isEqualTo(strict);
        assertThat(failed.get(1).get("errorCode").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(failed.get(1).get("errorMessage").asText()).contains(notes);
        assertThat(title(plain)).isEqualTo("partly");
        assertThat(title(strict)).isEqualTo("strict");
        assertThat(auditTypes(strict)).containsExactly("Case.Created");
    }

    @Test
    void everyDocumentedWholeRequestFailureChangesNothing() {
        String caseId = createCase("untouched");
        String other = createCase("also untouched");
        String both = byId(caseId) + "," + byId(other);

        assertRejected(newest.batchUpdateCase("{\"domainId\":\"no-such-domain\",\"cases\":[" + byId(caseId)
                + "],\"title\":\"x\"}"), 404, "ResourceNotFoundException", "no-such-domain");
        assertRejected(newest.batchUpdateCase(update(both + "," + byReference("0" + "1".repeat(25)),
                ",\"title\":\"x\"")), 404, "ResourceNotFoundException", "0" + "1".repeat(25));
        assertRejected(newest.batchUpdateCase(update(both + "," + byId(caseId), ",\"title\":\"x\"")), 400,
                "ValidationException", caseId);
        assertRejected(newest.batchUpdateCase(update(byId(other) + "," + byReference(referenceId(other)),
                ",\"title\":\"x\"")), 400, "ValidationException", other);
        assertRejected(newest.batchUpdateCase(update(both, "")), 400, "ValidationException", "at least one");
        assertRejected(newest.batchUpdateCase(update(both, ",\"fields\":[{\"fieldIdentifier\":{\"name\":\"Nope\"},"
                + "\"value\":{\"stringValue\":\"x\"}}]")), 400, "ValidationException", "Nope");
        assertRejected(newest.batchUpdateCase(update(both, ",\"fields\":[{\"fieldIdentifier\":{\"name\":\"a|b\"},"
                + "\"value\":{\"stringValue\":\"x\"}}]")), 400, "ValidationException", "'|'");
        assertRejected(newest.batchUpdateCase(update(both, ",\"fields\":[{\"fieldIdentifier\":{\"name\":\"a,b\"},"
                + "\"value\":{\"stringValue\":\"x\"}}]")), 400, "ValidationException", "','");
        assertRejected(newest.batchUpdateCase(update(both, ",\"fields\":[{\"fieldIdentifier\":{\"id\":\"title\"},"
                + "\"value\":{\"stringValue\":\"x\"}}]")), 400, "ValidationException", "title");
        assertRejected(newest.batchUpdateCase(update(both, ",\"fields\":[{\"fieldIdentifier\":{\"name\":\"Status\"},"
                + "\"value\":{\"stringValue\":\"closed\"}}]")), 400, "ValidationException", "status");
        assertRejected(newest.batchUpdateCase(update(both, ",\"fields\":[{\"fieldIdentifier\":{\"id\":\"customer_id\"},"
                + "\"value\":{\"stringValue\":\"" + CUSTOMER + "\"}}]")), 400, "ValidationException", "customer_id");
        assertRejected(newest.batchUpdateCase(update(both, ",\"fields\":[{\"fieldIdentifier\":{\"id\":\"no-field\"},"
                + "\"value\":{\"stringValue\":\"x\"}}]")), 400, "ValidationException", "no-field");
        // Model constraints, named by member.
        assertRejected(newest.batchUpdateCase(update("", ",\"title\":\"x\"")), 400, "ValidationException", "cases");
        assertRejected(newest.batchUpdateCase(update("{\"caseIdentifier\":{\"caseId\":\"a\",\"referenceId\":\"b\"}}",
                ",\"title\":\"x\"")), 400, "ValidationException", "cases.1.member.caseIdentifier");
        assertRejected(newest.batchUpdateCase(update(byId("bad id"), ",\"title\":\"x\"")), 400,
                "ValidationException", "cases.1.member.caseIdentifier.caseId");
        assertRejected(newest.batchUpdateCase(update(both, ",\"fields\":[{\"fieldIdentifier\":{\"name\":\"Notes\"}}]")),
                400, "ValidationException", "fields.1.member.value");

        assertThat(title(caseId)).isEqualTo("untouched");
        assertThat(title(other)).isEqualTo("also untouched");
        assertThat(auditTypes(caseId)).containsExactly("Case.Created");
        assertThat(auditTypes(other)).containsExactly("Case.Created");
    }

    @Test
    void batchUpdateCaseIsIdempotentByClientToken() {
        String first = createCase("one");
        String missing = UUID.randomUUID().toString();
        String body = update(byId(first) + "," + byId(missing), ",\"title\":\"once\",\"clientToken\":\"tok-1\"");

        Answer answer = newest.batchUpdateCase(body);
        Answer retried = newest.batchUpdateCase(body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(answer.body());
        assertThat(auditTypes(first)).containsExactly("Case.Created", "Case.Updated");
        assertRejected(newest.batchUpdateCase(update(byId(first), ",\"title\":\"other\",\"clientToken\":\"tok-1\"")),
                409, "ConflictException", "tok-1");
        assertThat(title(first)).isEqualTo("once");
    }

    @Test
    void batchCreateRelatedItemCommentsOnEveryCase() {
        String first = createCase("one");
        String second = createCase("two");

        Answer answer = newest.batchCreateRelatedItem(comment(byId(first) + "," + byReference(referenceId(second)),
                ",\"performedBy\":{\"customEntity\":\"bulk bot\"}"));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("failedItems")).isEmpty();
        JsonNode items = answer.body().get("successfulItems");
        assertThat(items).hasSize(2);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            String caseId = List.of(first, second).get(i);
            JsonNode item = items.get(i);
            assertThat(item.at("/caseIdentifier/caseId").asText()).isEqualTo(caseId);
            assertThat(item.at("/caseIdentifier/referenceId").asText()).isEqualTo(referenceId(caseId));
            String itemId = item.get("relatedItemId").asText();
            ids.add(itemId);
            assertThat(item.get("relatedItemArn").asText()).isEqualTo(domainArn(domainId) + "/case/" + caseId
                    + "/related-item/" + itemId);
            assertThat(comments(caseId)).singleElement().satisfies(c -> {
                assertThat(c.relatedItemId()).isEqualTo(itemId);
                assertThat(c.content().comment().body()).isEqualTo("Merged into the outage ticket");
                assertThat(c.performedBy().customEntity()).isEqualTo("bulk bot");
            });
            assertThat(auditTypes(caseId)).containsExactly("Case.Created", "RelatedItem.Created");
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void batchCreateRelatedItemReportsFailedCasesAndRejectsWholeRequestsAsDocumented() {
        String caseId = createCase("one");
        String missing = UUID.randomUUID().toString();

        Answer partial = newest.batchCreateRelatedItem(comment(byId(missing) + "," + byId(caseId), ""));
        assertThat(partial.status()).as(partial.body().toString()).isEqualTo(200);
        assertThat(partial.body().get("successfulItems")).extracting(n -> n.at("/caseIdentifier/caseId").asText())
                .containsExactly(caseId);
        assertThat(partial.body().at("/failedItems/0/caseIdentifier/caseId").asText()).isEqualTo(missing);
        assertThat(partial.body().at("/failedItems/0/errorCode").asText()).isEqualTo("CASE_NOT_FOUND");
        assertThat(partial.body().at("/failedItems/0/errorMessage").asText()).contains(missing);

        String other = createCase("two");
        assertRejected(newest.batchCreateRelatedItem("{\"domainId\":\"" + domainId + "\",\"cases\":[" + byId(other)
                + "],\"content\":{\"contact\":{\"contactArn\":\"arn:aws:connect:us-east-1:111111111111:instance/i/"
                + "contact/c\"}}}"), 400, "ValidationException", "comment");
        assertRejected(newest.batchCreateRelatedItem(comment(byId(other) + "," + byReference("0" + "2".repeat(25)),
                "")), 404, "ResourceNotFoundException", "0" + "2".repeat(25));
        assertRejected(newest.batchCreateRelatedItem(comment(byId(other) + "," + byId(other), "")), 400,
                "ValidationException", other);
        assertRejected(newest.batchCreateRelatedItem(comment(byId(other), "").replace(domainId, "no-such-domain")),
                404, "ResourceNotFoundException", "no-such-domain");
        assertRejected(newest.batchCreateRelatedItem("{\"domainId\":\"" + domainId + "\",\"cases\":[" + byId(other)
                + "]}"), 400, "ValidationException", "content");
        assertThat(comments(other)).isEmpty();
        assertThat(auditTypes(other)).containsExactly("Case.Created");
    }

    @Test
    void batchCreateRelatedItemIsIdempotentByClientToken() {
        String first = createCase("one");
        String second = createCase("two");
        String body = comment(byId(first) + "," + byId(second), ",\"clientToken\":\"comment-once\"");

        Answer answer = newest.batchCreateRelatedItem(body);
        Answer retried = newest.batchCreateRelatedItem(body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(answer.body());
        assertThat(comments(first)).hasSize(1);
        assertThat(comments(second)).hasSize(1);
    }

    @Test
    void botocoreEncodedColonRoutesToTheSameOperation() {
        String caseId = createCase("encoded");
        Answer answer = newest.send("POST", "/cases%3AbatchUpdateCase", update(byId(caseId), ",\"title\":\"ok\""));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(title(caseId)).isEqualTo("ok");
    }

    @Test
    void anotherAccountCannotSeeTheDomain() {
        String caseId = createCase("mine");
        var other = new NewestOperations(server.endpoint(), TestServer.ACCOUNT_B);
        assertRejected(other.batchUpdateCase(update(byId(caseId), ",\"title\":\"theirs\"")), 404,
                "ResourceNotFoundException", domainId);
        assertRejected(other.batchCreateRelatedItem(comment(byId(caseId), "")), 404, "ResourceNotFoundException",
                domainId);
        assertThat(title(caseId)).isEqualTo("mine");
    }
}
