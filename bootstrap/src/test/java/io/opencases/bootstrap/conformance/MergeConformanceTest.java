package io.opencases.bootstrap.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencases.bootstrap.conformance.NewestOperations.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.AuditEvent;
import software.amazon.awssdk.services.connectcases.model.ConflictException;
import software.amazon.awssdk.services.connectcases.model.FieldValueUnion;
import software.amazon.awssdk.services.connectcases.model.RelatedItemInputContent;
import software.amazon.awssdk.services.connectcases.model.RelatedItemType;
import software.amazon.awssdk.services.connectcases.model.SearchRelatedItemsResponseItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.opencases.bootstrap.conformance.NewestOperations.byId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * StartMergeCases and GetMergeCasesStatus (signed raw requests): what a merge moves and how, the conflicts while it
 * runs (the runner is paused to hold it IN_PROGRESS), the documented refusals, and writes racing a merge.
 */
class MergeConformanceTest extends ConformanceSuite {
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/profiles-d/profiles/p-1";
    private static final String OTHER_CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/profiles-d/profiles/p-2";
    private static final String CONTACT = "arn:aws:connect:us-east-1:111111111111:instance/i-1/contact/c-1";

    private NewestOperations newest;
    private String domainId;
    private String templateId;
    private String priority;
    private String notes;

    @BeforeEach
    void domain() {
        newest = new NewestOperations(server.endpoint(), TestServer.ACCOUNT_A);
        domainId = newDomain();
        priority = textField(domainId, "Priority");
        notes = textField(domainId, "Notes");
        templateId = cases.createTemplate(b -> b.domainId(domainId).name("standard")).templateId();
    }

    @AfterEach
    void resumeMerges() {
        server.mergeJobs().resume();
    }

    private String createCase(String title, String customer, FieldValueUnion... ignored) {
        var fields = new ArrayList<>(List.of(CaseConformanceTest.text("title", title)));
        if (customer != null) {
            fields.add(CaseConformanceTest.text("customer_id", customer));
        }
        return cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(fields)).caseId();
    }

    private String item(String caseId, RelatedItemType type, RelatedItemInputContent content) {
        return cases.createRelatedItem(b -> b.domainId(domainId).caseId(caseId).type(type).content(content)
                .performedBy(u -> u.customEntity("agent " + caseId.substring(0, 4)))).relatedItemId();
    }

    private String itemArn(String caseId, String itemId) {
        return domainArn(domainId) + "/case/" + caseId + "/related-item/" + itemId;
    }

    private static RelatedItemInputContent comment(String body) {
        return RelatedItemInputContent.builder().comment(c -> c.body(body).contentType("Text/Plain")).build();
    }

    private static RelatedItemInputContent contact() {
        return RelatedItemInputContent.builder().contact(c -> c.contactArn(CONTACT)).build();
    }

    private static RelatedItemInputContent link(String caseId) {
        return RelatedItemInputContent.builder().connectCase(c -> c.caseId(caseId)).build();
    }

    private List<SearchRelatedItemsResponseItem> items(String caseId) {
        return cases.searchRelatedItems(b -> b.domainId(domainId).caseId(caseId)).relatedItems();
    }

    private Map<String, FieldValueUnion> read(String caseId, String... ids) {
        return cases.getCase(b -> b.domainId(domainId).caseId(caseId).fields(java.util.Arrays.stream(ids)
                        .map(id -> software.amazon.awssdk.services.connectcases.model.FieldIdentifier.builder().id(id)
                                .build()).toList()))
                .fields().stream().collect(Collectors.toMap(f -> f.id(), f -> f.value()));
    }

    private Answer merge(String primary, String secondary, String rest) {
        return newest.startMergeCases(domainId, primary, "{\"secondaryCaseId\":\"" + secondary + "\"" + rest + "}");
    }

    private static String fields(String source, String... ids) {
        return ",\"fieldsConfiguration\":{\"sourceCaseId\":\"" + source + "\",\"fieldIds\":["
                + java.util.Arrays.stream(ids).map(id -> "{\"id\":\"" + id + "\"}").collect(Collectors.joining(","))
                + "]}";
    }

    private static final String ALL_TYPES = ",\"relatedItemsConfiguration\":{\"comment\":true,\"contact\":true,"
            + "\"connectCase\":true,\"custom\":true}";

    private void awaitCompleted(String secondary) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Answer status = newest.getMergeCasesStatus(domainId, secondary);
            if (status.status() == 200 && "COMPLETED".equals(status.body().path("status").asText())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("merge of " + secondary + " did not complete");
    }

    /** The whole audit history, as the wire carries it (the SDK predates mergeMetadata). */
    private List<JsonNode> rawAuditEvents(String caseId) {
        var events = new ArrayList<JsonNode>();
        String token = null;
        do {
            Answer answer = newest.send("POST", "/domains/" + domainId + "/cases/" + caseId + "/audit-history",
                    token == null ? "{}" : "{\"nextToken\":\"" + token + "\"}");
            assertThat(answer.status()).isEqualTo(200);
            answer.body().get("auditEvents").forEach(events::add);
            token = answer.body().hasNonNull("nextToken") ? answer.body().get("nextToken").asText() : null;
        } while (token != null);
        return events;
    }

    private static void assertRejected(Answer answer, int status, String errorType, String fragment) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.errorType()).isEqualTo(errorType);
        assertThat(answer.message()).contains(fragment);
    }

    @Test
    void aMergeMovesTheChosenFieldsAndItemsLinksTheCasesAndClosesTheSecondary() throws Exception {
        String primary = createCase("printer broken", CUSTOMER);
        String secondary = createCase("printer still broken", null);
        String elsewhere = createCase("the network case", CUSTOMER);
        cases.updateCase(b -> b.domainId(domainId).caseId(secondary).fields(
                CaseConformanceTest.text(priority, "high"), CaseConformanceTest.text(notes, "from the secondary"),
                CaseConformanceTest.text("summary", "stays on the secondary")));
        String primaryContact = item(primary, RelatedItemType.CONTACT, contact());
        cases.tagResource(b -> b.arn(itemArn(primary, primaryContact)).tags(Map.of("kept", "primary", "both", "p")));
        String primaryLink = item(primary, RelatedItemType.CONNECT_CASE, link(elsewhere));
        String comment = item(secondary, RelatedItemType.COMMENT, comment("moved with me"));
        cases.tagResource(b -> b.arn(itemArn(secondary, comment)).tags(Map.of("mood", "urgent")));
        String secondaryContact = item(secondary, RelatedItemType.CONTACT, contact());
        cases.tagResource(b -> b.arn(itemArn(secondary, secondaryContact)).tags(Map.of("both", "s", "gained", "s")));
        String secondaryLink = item(secondary, RelatedItemType.CONNECT_CASE, link(elsewhere));
        String file = item(secondary, RelatedItemType.FILE, RelatedItemInputContent.builder()
                .file(f -> f.fileArn("arn:aws:connect:us-east-1:111111111111:instance/i-1/file/f-1")).build());
        var before = items(secondary).stream().filter(i -> i.relatedItemId().equals(comment)).findFirst()
                .orElseThrow();

        server.mergeJobs().pause();
        Answer started = merge(primary, secondary, fields(secondary, priority, notes) + ALL_TYPES);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);

        for (String caseId : List.of(primary, secondary)) {
            Answer status = newest.getMergeCasesStatus(domainId, caseId);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.body().get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(status.body().get("primaryCaseId").asText()).isEqualTo(primary);
            assertThat(status.body().get("secondaryCaseIds")).extracting(JsonNode::asText).containsExactly(secondary);
        }
        // While it runs: the secondary and its items cannot change, the primary cannot be deleted.
        assertThatThrownBy(() -> cases.updateCase(b -> b.domainId(domainId).caseId(secondary)
                .fields(CaseConformanceTest.text("summary", "late")))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> item(secondary, RelatedItemType.COMMENT, comment("late")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cases.deleteRelatedItem(b -> b.domainId(domainId).caseId(secondary)
                .relatedItemId(comment))).isInstanceOf(ConflictException.class);
        assertRejected(newest.send("PUT", "/domains/" + domainId + "/cases/" + secondary + "/related-items/"
                + comment, "{\"content\":{\"comment\":{\"body\":\"x\",\"contentType\":\"Text/Plain\"}}}"), 409,
                "ConflictException", secondary);
        assertThatThrownBy(() -> cases.deleteCase(b -> b.domainId(domainId).caseId(primary)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cases.deleteCase(b -> b.domainId(domainId).caseId(secondary)))
                .isInstanceOf(ConflictException.class);
        assertRejected(merge(elsewhere, primary, ""), 409, "ConflictException", primary);
        Answer batch = newest.batchUpdateCase("{\"domainId\":\"" + domainId + "\",\"cases\":[" + byId(primary) + ","
                + byId(secondary) + "],\"fields\":[{\"fieldIdentifier\":{\"id\":\"summary\"},"
                + "\"value\":{\"stringValue\":\"written while merging\"}}]}");
        assertThat(batch.body().get("successfulCases")).extracting(n -> n.at("/caseIdentifier/caseId").asText())
                .containsExactly(primary);
        assertThat(batch.body().at("/failedCases/0/errorCode").asText()).isEqualTo("CONFLICT");
        Answer comments = newest.batchCreateRelatedItem("{\"domainId\":\"" + domainId + "\",\"cases\":["
                + byId(secondary) + "," + byId(primary) + "],\"content\":{\"comment\":{\"body\":\"while merging\","
                + "\"contentType\":\"Text/Plain\"}}}");
        assertThat(comments.body().at("/failedItems/0/caseIdentifier/caseId").asText()).isEqualTo(secondary);
        assertThat(comments.body().at("/failedItems/0/errorCode").asText()).isEqualTo("CONFLICT");
        assertThat(comments.body().at("/successfulItems/0/caseIdentifier/caseId").asText()).isEqualTo(primary);
        assertThat(read(secondary, "status").get("status").stringValue()).isEqualTo("open");

        server.mergeJobs().resume();
        awaitCompleted(secondary);

        assertRejected(newest.getMergeCasesStatus(domainId, primary), 404, "ResourceNotFoundException", primary);
        Answer done = newest.getMergeCasesStatus(domainId, secondary);
        assertThat(done.body().get("primaryCaseId").asText()).isEqualTo(primary);
        var merged = read(primary, priority, notes, "summary", "customer_id", "title");
        assertThat(merged.get(priority).stringValue()).isEqualTo("high");
        assertThat(merged.get(notes).stringValue()).isEqualTo("from the secondary");
        assertThat(merged.get("summary").stringValue()).isEqualTo("written while merging");
        assertThat(merged.get("title").stringValue()).isEqualTo("printer broken");
        var closed = read(secondary, "status", "last_closed_datetime", "summary");
        assertThat(closed.get("status").stringValue()).isEqualTo("closed");
        assertThat(closed).containsKey("last_closed_datetime");

        var onPrimary = items(primary);
        SearchRelatedItemsResponseItem moved = onPrimary.stream().filter(i -> i.relatedItemId().equals(comment))
                .findFirst().orElseThrow();
        assertThat(moved.associationTime()).isEqualTo(before.associationTime());
        assertThat(moved.performedBy()).isEqualTo(before.performedBy());
        assertThat(moved.tags()).containsEntry("mood", "urgent");
        assertThat(cases.listTagsForResource(b -> b.arn(itemArn(primary, comment))).tags())
                .containsEntry("mood", "urgent");
        var contacts = onPrimary.stream().filter(i -> i.type() == RelatedItemType.CONTACT).toList();
        assertThat(contacts).singleElement().satisfies(c -> {
            assertThat(c.relatedItemId()).isEqualTo(primaryContact);
            assertThat(c.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("kept", "primary", "both", "p",
                    "gained", "s"));
        });
        var links = onPrimary.stream().filter(i -> i.type() == RelatedItemType.CONNECT_CASE)
                .map(i -> i.content().connectCase().caseId()).toList();
        assertThat(links).containsExactlyInAnyOrder(elsewhere, secondary);
        assertThat(onPrimary).extracting(SearchRelatedItemsResponseItem::relatedItemId).contains(primaryLink)
                .doesNotContain(secondaryLink, secondaryContact, file);
        var onSecondary = items(secondary);
        assertThat(onSecondary).extracting(SearchRelatedItemsResponseItem::relatedItemId).contains(file)
                .doesNotContain(comment, secondaryContact, secondaryLink);
        assertThat(onSecondary).filteredOn(i -> i.type() == RelatedItemType.CONNECT_CASE)
                .extracting(i -> i.content().connectCase().caseId()).containsExactly(primary);

        // Case.Merged on both histories, with one mergeEventId on every event of the merge.
        var ids = new java.util.HashSet<String>();
        for (String caseId : List.of(primary, secondary)) {
            assertThat(cases.getCaseAuditEvents(b -> b.domainId(domainId).caseId(caseId)).auditEvents())
                    .extracting(AuditEvent::typeAsString).contains("Case.Merged");
            var mergedEvents = rawAuditEvents(caseId).stream().filter(e -> e.has("mergeMetadata")).toList();
            assertThat(mergedEvents).isNotEmpty();
            mergedEvents.forEach(e -> {
                ids.add(e.at("/mergeMetadata/mergeEventId").asText());
                assertThat(e.at("/mergeMetadata/primaryCaseId").asText()).isEqualTo(primary);
                assertThat(e.at("/mergeMetadata/secondaryCaseId").asText()).isEqualTo(secondary);
            });
            assertThat(mergedEvents).filteredOn(e -> e.get("type").asText().equals("Case.Merged")).hasSize(1);
        }
        assertThat(ids).hasSize(1);
        JsonNode primaryMerged = rawAuditEvents(primary).stream()
                .filter(e -> e.get("type").asText().equals("Case.Merged")).findFirst().orElseThrow();
        assertThat(primaryMerged.get("fields")).extracting(f -> f.get("eventFieldId").asText())
                .contains(priority, notes);

        // The secondary can be reopened and changed, but never merged again.
        cases.updateCase(b -> b.domainId(domainId).caseId(secondary).fields(CaseConformanceTest.text("status", "open")));
        assertRejected(merge(elsewhere, secondary, ""), 400, "ValidationException", "cannot be merged again");
        assertRejected(merge(secondary, elsewhere, ""), 400, "ValidationException", "cannot be merged again");
        cases.deleteCase(b -> b.domainId(domainId).caseId(primary));
    }

    @Test
    void everyDocumentedRefusalStartsNothing() {
        String primary = createCase("primary", CUSTOMER);
        String secondary = createCase("secondary", CUSTOMER);
        String stranger = createCase("other customer", OTHER_CUSTOMER);
        String closed = createCase("closed", CUSTOMER);
        cases.updateCase(b -> b.domainId(domainId).caseId(closed).fields(CaseConformanceTest.text("status", "closed")));
        cases.updateCase(b -> b.domainId(domainId).caseId(secondary).fields(CaseConformanceTest.text(notes, "n")));

        assertRejected(merge(primary, primary, ""), 400, "ValidationException", "itself");
        assertRejected(merge(closed, secondary, ""), 400, "ValidationException", "closed");
        assertRejected(merge(primary, closed, ""), 400, "ValidationException", "closed");
        assertRejected(merge(primary, stranger, ""), 400, "ValidationException", "customer");
        assertRejected(merge(primary, secondary, fields(primary, notes)), 400, "ValidationException",
                "fieldsConfiguration.sourceCaseId");
        assertRejected(merge(primary, secondary, fields(secondary, priority)), 400, "ValidationException", priority);
        assertRejected(merge(primary, secondary, fields(secondary, notes, notes)), 400, "ValidationException",
                "once");
        assertRejected(merge(primary, secondary, fields(secondary, "created_datetime")), 400, "ValidationException",
                "cannot be merged");
        assertRejected(merge(primary, secondary, fields(secondary, "no-such-field")), 400, "ValidationException",
                "no-such-field");
        assertRejected(merge(primary, "no-such-case", ""), 404, "ResourceNotFoundException", "no-such-case");
        assertRejected(newest.startMergeCases("no-such-domain", primary, "{\"secondaryCaseId\":\"" + secondary + "\"}"),
                404, "ResourceNotFoundException", "no-such-domain");
        // Model constraints, by member.
        assertRejected(newest.startMergeCases(domainId, primary, "{}"), 400, "ValidationException", "secondaryCaseId");
        assertRejected(merge(primary, "bad id", ""), 400, "ValidationException", "secondaryCaseId");
        assertRejected(newest.startMergeCases(domainId, "bad%20id", "{\"secondaryCaseId\":\"" + secondary + "\"}"),
                400, "ValidationException", "caseId");
        assertRejected(merge(primary, secondary, ",\"relatedItemsConfiguration\":{\"comment\":1}"), 400,
                "ValidationException", "relatedItemsConfiguration.comment");
        assertRejected(newest.getMergeCasesStatus(domainId, "bad%20id"), 400, "ValidationException", "caseId");

        for (String caseId : List.of(primary, secondary, stranger, closed)) {
            assertRejected(newest.getMergeCasesStatus(domainId, caseId), 404, "ResourceNotFoundException", caseId);
        }
        assertThat(read(secondary, "status").get("status").stringValue()).isEqualTo("open");
        var other = new NewestOperations(server.endpoint(), TestServer.ACCOUNT_B);
        assertRejected(other.startMergeCases(domainId, primary, "{\"secondaryCaseId\":\"" + secondary + "\"}"), 404,
                "ResourceNotFoundException", domainId);
    }

    @Test
    void writesRacingAMergeAreEitherAppliedOrRefusedAndTheMergeStillCompletes() throws Exception {
        String primary = createCase("primary", CUSTOMER);
        String secondary = createCase("secondary", CUSTOMER);
        cases.updateCase(b -> b.domainId(domainId).caseId(secondary).fields(CaseConformanceTest.text(notes, "moved")));
        for (int i = 0; i < 5; i++) {
            item(secondary, RelatedItemType.COMMENT, comment("note " + i));
        }
        var stop = new AtomicBoolean();
        var lastPrimary = new AtomicReference<String>();
        var answers = new ConcurrentHashMap<Integer, Integer>();
        Thread primaryWriter = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                String value = "p-" + i;
                cases.updateCase(b -> b.domainId(domainId).caseId(primary)
                        .fields(CaseConformanceTest.text("summary", value)));
                lastPrimary.set(value);
            }
        });
        Thread secondaryWriter = new Thread(() -> {
            var client = new NewestOperations(server.endpoint(), TestServer.ACCOUNT_A);
            for (int i = 0; !stop.get(); i++) {
                Answer answer = client.send("PUT", "/domains/" + domainId + "/cases/" + secondary,
                        "{\"fields\":[{\"id\":\"summary\",\"value\":{\"stringValue\":\"s-" + i + "\"}}]}");
                answers.merge(answer.status(), 1, Integer::sum);
            }
        });
        primaryWriter.start();
        secondaryWriter.start();
        Thread.sleep(100);
        Answer started = merge(primary, secondary, fields(secondary, notes) + ALL_TYPES);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        awaitCompleted(secondary);
        Thread.sleep(100);
        stop.set(true);
        primaryWriter.join();
        secondaryWriter.join();

        assertThat(answers.keySet()).isSubsetOf(200, 409);
        var merged = read(primary, notes, "summary");
        assertThat(merged.get(notes).stringValue()).isEqualTo("moved");
        assertThat(merged.get("summary").stringValue()).isEqualTo(lastPrimary.get());
        assertThat(items(primary)).filteredOn(i -> i.type() == RelatedItemType.COMMENT).hasSize(5);
        assertThat(items(secondary)).filteredOn(i -> i.type() == RelatedItemType.COMMENT).isEmpty();
        assertThat(read(secondary, "status").get("status").stringValue()).isEqualTo("closed");
        assertThat(rawAuditEvents(primary)).filteredOn(e -> e.get("type").asText().equals("Case.Merged")).hasSize(1);
    }
}
