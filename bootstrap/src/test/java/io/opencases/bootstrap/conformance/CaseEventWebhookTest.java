package io.opencases.bootstrap.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.opencases.application.event.DeliveryPolicy;
import io.opencases.bootstrap.ServerConfig;
import io.opencases.rest.events.WebhookCaseEventPublisher;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.RelatedItemType;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook receiver that is down while cases change and comes back later still gets every event, in order per
 * case, each signed with HMAC-SHA256 of its body.
 */
class CaseEventWebhookTest {
    private static final String SECRET = "webhook-secret";
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Delivery(String signature, String eventId, byte[] body) {
    }

    @Test
    void everyEventArrivesInOrderPerCaseAfterAnOutage() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var events = new ServerConfig.Events(false, List.of(URI.create("http://127.0.0.1:" + port + "/hook")), SECRET,
                new DeliveryPolicy(1000, Duration.ofMillis(20), Duration.ofMillis(200)));
        var received = new CopyOnWriteArrayList<Delivery>();
        HttpServer receiver = null;
        try (var server = TestServer.start(events); var cases = server.client()) {
            String domainId = cases.createDomain(b -> b.name("events")).domainId();
            cases.putCaseEventConfiguration(b -> b.domainId(domainId).eventBridge(e -> e.enabled(true)
                    .includedData(d -> d.caseData(c -> c.fields(f -> f.id("status"), f -> f.id("title")))
                            .relatedItemData(r -> r.includeContent(true)))));
            String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();
            var caseIds = new ArrayList<String>();
            for (int i = 0; i < 2; i++) {
                String title = "case " + i;
                String caseId = cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(
                        CaseConformanceTest.text("title", title), CaseConformanceTest.text("customer_id", CUSTOMER)))
                        .caseId();
                caseIds.add(caseId);
                cases.updateCase(b -> b.domainId(domainId).caseId(caseId)
                        .fields(CaseConformanceTest.text("summary", "first")));
                cases.updateCase(b -> b.domainId(domainId).caseId(caseId)
                        .fields(CaseConformanceTest.text("status", "closed")));
            }
            cases.createRelatedItem(b -> b.domainId(domainId).caseId(caseIds.get(0)).type(RelatedItemType.COMMENT)
                    .content(c -> c.comment(x -> x.body("hello").contentType("Text/Plain"))));
            Thread.sleep(300); // the receiver stays down through several failed attempts

            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            receiver.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Delivery(exchange.getRequestHeaders().getFirst("X-OpenCases-Signature"),
                        exchange.getRequestHeaders().getFirst("X-OpenCases-Event-Id"), body));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < 7 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(received).hasSize(7);
            Map<String, List<String>> typesByCase = new LinkedHashMap<>();
            for (Delivery delivery : received) {
                assertThat(delivery.signature()).isEqualTo("sha256="
                        + WebhookCaseEventPublisher.sign(SECRET.getBytes(StandardCharsets.UTF_8), delivery.body()));
                JsonNode event = JSON.readTree(delivery.body());
                assertThat(event.get("id").asText()).isEqualTo(delivery.eventId());
                assertThat(event.get("detail-type").asText()).isEqualTo("Amazon Connect Cases Change");
                assertThat(event.get("source").asText()).isEqualTo("aws.cases");
                JsonNode detail = event.get("detail");
                typesByCase.computeIfAbsent(detail.at("/case/caseId").asText(), k -> new ArrayList<>())
                        .add(detail.get("eventType").asText());
                assertThat(detail.at("/case/fields").fieldNames()).toIterable().isSubsetOf("status", "title");
            }
            assertThat(typesByCase.get(caseIds.get(0))).containsExactly("CASE.CREATED", "CASE.UPDATED",
                    "CASE.UPDATED", "RELATED_ITEM.CREATED");
            assertThat(typesByCase.get(caseIds.get(1))).containsExactly("CASE.CREATED", "CASE.UPDATED",
                    "CASE.UPDATED");
            JsonNode closed = JSON.readTree(received.stream().map(Delivery::body)
                    .filter(b -> new String(b, StandardCharsets.UTF_8).contains("\"closed\"")).findFirst()
                    .orElseThrow());
            assertThat(closed.at("/detail/changedFieldIds").toString()).contains("status");
            JsonNode comment = JSON.readTree(received.stream().map(Delivery::body)
                    .filter(b -> new String(b, StandardCharsets.UTF_8).contains("RELATED_ITEM.CREATED")).findFirst()
                    .orElseThrow());
            assertThat(comment.at("/detail/relatedItem/comment/body").asText()).isEqualTo("hello");
        } finally {
            if (receiver != null) {
                receiver.stop(0);
            }
        }
    }
}
