package io.opencases.bootstrap.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.opencases.application.event.DeliveryPolicy;
import io.opencases.bootstrap.ServerConfig;
import io.opencases.bootstrap.conformance.NewestOperations.Answer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.opencases.bootstrap.conformance.NewestOperations.byId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BatchUpdateCase, BatchCreateRelatedItem and a merge publish the case events of the changes they make, in the
 * EventBridge shape of every other case event: one per case changed, one per related item created or removed.
 */
class BatchAndMergeEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";

    @Test
    void batchesAndMergesPublishTheEventsOfEveryChange() throws Exception {
        var received = new CopyOnWriteArrayList<JsonNode>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        var events = new ServerConfig.Events(false,
                List.of(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")), "secret",
                new DeliveryPolicy(100, Duration.ofMillis(20), Duration.ofMillis(200)));
        try (var server = TestServer.start(events); var cases = server.client()) {
            var newest = new NewestOperations(server.endpoint(), TestServer.ACCOUNT_A);
            String domainId = cases.createDomain(b -> b.name("batch-events")).domainId();
            cases.putCaseEventConfiguration(b -> b.domainId(domainId).eventBridge(e -> e.enabled(true)
                    .includedData(d -> d.caseData(c -> c.fields(f -> f.id("status"), f -> f.id("title")))
                            .relatedItemData(r -> r.includeContent(true)))));
            String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();
            var ids = new ArrayList<String>();
            for (String title : List.of("primary", "secondary")) {
                ids.add(cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(
                        CaseConformanceTest.text("title", title), CaseConformanceTest.text("customer_id", CUSTOMER)))
                        .caseId());
            }
            String primary = ids.get(0);
            String secondary = ids.get(1);

            Answer updated = newest.batchUpdateCase("{\"domainId\":\"" + domainId + "\",\"cases\":[" + byId(primary)
                    + "," + byId(secondary) + "],\"title\":\"renamed\"}");
            assertThat(updated.status()).isEqualTo(200);
            Answer commented = newest.batchCreateRelatedItem("{\"domainId\":\"" + domainId + "\",\"cases\":["
                    + byId(secondary) + "],\"content\":{\"comment\":{\"body\":\"moving\",\"contentType\":"
                    + "\"Text/Plain\"}}}");
            assertThat(commented.status()).isEqualTo(200);
            String comment = commented.body().at("/successfulItems/0/relatedItemId").asText();
            Answer merged = newest.startMergeCases(domainId, primary, "{\"secondaryCaseId\":\"" + secondary
                    + "\",\"relatedItemsConfiguration\":{\"comment\":true}}");
            assertThat(merged.status()).isEqualTo(200);

            // 2 created, 2 renamed, 1 comment; the merge: 2 cases updated, the comment moved (deleted + created),
            // and a link on each case.
            int expected = 2 + 2 + 1 + 2 + 2 + 2;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(received).hasSize(expected);
            Map<String, List<String>> byCase = new LinkedHashMap<>();
            for (JsonNode event : received) {
                assertThat(event.get("detail-type").asText()).isEqualTo("Amazon Connect Cases Change");
                assertThat(event.get("source").asText()).isEqualTo("aws.cases");
                JsonNode detail = event.get("detail");
                String type = detail.get("eventType").asText();
                String entry = type.startsWith("RELATED_ITEM") ? type + ":" + detail.at("/relatedItem/relatedItemType")
                        .asText() : type;
                byCase.computeIfAbsent(detail.at("/case/caseId").asText(), k -> new ArrayList<>()).add(entry);
            }
            assertThat(byCase.get(primary)).containsExactly("CASE.CREATED", "CASE.UPDATED", "CASE.UPDATED",
                    "RELATED_ITEM.CREATED:Comment", "RELATED_ITEM.CREATED:ConnectCase");
            assertThat(byCase.get(secondary)).containsExactly("CASE.CREATED", "CASE.UPDATED",
                    "RELATED_ITEM.CREATED:Comment", "CASE.UPDATED", "RELATED_ITEM.DELETED:Comment",
                    "RELATED_ITEM.CREATED:ConnectCase");
            JsonNode closed = received.stream().filter(e -> e.at("/detail/case/caseId").asText().equals(secondary))
                    .filter(e -> e.at("/detail/case/fields/status/value/stringValue").asText().equals("closed"))
                    .findFirst().orElseThrow();
            assertThat(closed.at("/detail/changedFieldIds").toString()).contains("status");
            JsonNode moved = received.stream().filter(e -> e.at("/detail/case/caseId").asText().equals(primary))
                    .filter(e -> e.at("/detail/relatedItem/relatedItemId").asText().equals(comment)).findFirst()
                    .orElseThrow();
            assertThat(moved.at("/detail/relatedItem/comment/body").asText()).isEqualTo("moving");
        } finally {
            receiver.stop(0);
        }
    }
}
