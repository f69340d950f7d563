package io.opencases.bootstrap.durability;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencases.bootstrap.TestDatabases;
import io.opencases.bootstrap.conformance.NewestOperations;
import io.opencases.bootstrap.conformance.TestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.ConnectCasesClient;
import software.amazon.awssdk.services.connectcases.model.RelatedItemType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL, merges started through both while both runners are held: once released, every
 * merge completes, each exactly once, whichever instance it was started through (one of them runs them all).
 */
class TwoInstancesMergeTest {
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";

    @Test
    void mergesStartedThroughEitherInstanceRunOnceEach() throws Exception {
        var database = TestDatabases.newDatabase();
        try (var a = TestServer.start(SharedDatabase.instance(database));
             var b = TestServer.start(SharedDatabase.instance(database));
             ConnectCasesClient cases = a.client()) {
            a.mergeJobs().pause();
            b.mergeJobs().pause();
            String domainId = cases.createDomain(r -> r.name("shared")).domainId();
            String templateId = cases.createTemplate(r -> r.domainId(domainId).name("t")).templateId();
            var pairs = new ArrayList<List<String>>();
            for (int i = 0; i < 6; i++) {
                String primary = newCase(cases, domainId, templateId, "p" + i);
                String secondary = newCase(cases, domainId, templateId, "s" + i);
                cases.createRelatedItem(r -> r.domainId(domainId).caseId(secondary).type(RelatedItemType.COMMENT)
                        .content(c -> c.comment(x -> x.body("moves").contentType("Text/Plain"))));
                var through = new NewestOperations((i % 2 == 0 ? a : b).endpoint(), TestServer.ACCOUNT_A);
                var started = through.startMergeCases(domainId, primary, "{\"secondaryCaseId\":\"" + secondary
                        + "\",\"relatedItemsConfiguration\":{\"comment\":true}}");
                assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
                pairs.add(List.of(primary, secondary));
            }
            a.mergeJobs().resume();
            b.mergeJobs().resume();

            var raw = new NewestOperations(b.endpoint(), TestServer.ACCOUNT_A);
            for (List<String> pair : pairs) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!"COMPLETED".equals(raw.getMergeCasesStatus(domainId, pair.get(1)).body().path("status")
                        .asText())) {
                    assertThat(System.nanoTime()).as("merge of " + pair.get(1) + " completes").isLessThan(deadline);
                    Thread.sleep(20);
                }
            }
            for (List<String> pair : pairs) {
                for (String caseId : pair) {
                    JsonNode history = raw.send("POST", "/domains/" + domainId + "/cases/" + caseId
                            + "/audit-history", "{}").body();
                    assertThat(history.get("auditEvents"))
                            .filteredOn(e -> e.get("type").asText().equals("Case.Merged")).hasSize(1);
                }
                assertThat(cases.searchRelatedItems(r -> r.domainId(domainId).caseId(pair.get(0))
                        .filters(f -> f.comment(c -> { }))).relatedItems()).hasSize(1);
            }
        }
    }

    private static String newCase(ConnectCasesClient cases, String domainId, String templateId, String title) {
        return cases.createCase(r -> r.domainId(domainId).templateId(templateId).fields(
                f -> f.id("title").value(v -> v.stringValue(title)),
                f -> f.id("customer_id").value(v -> v.stringValue(CUSTOMER)))).caseId();
    }
}
