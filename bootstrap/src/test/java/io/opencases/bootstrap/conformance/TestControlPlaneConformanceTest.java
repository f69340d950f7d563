package io.opencases.bootstrap.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opencases.application.event.DeliveryPolicy;
import io.opencases.bootstrap.ServerConfig;
import io.opencases.rest.auth.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.connectcases.ConnectCasesClient;
import software.amazon.awssdk.services.connectcases.model.FieldValueUnion;
import software.amazon.awssdk.services.connectcases.model.RelatedItemInputContent;
import software.amazon.awssdk.services.connectcases.model.RelatedItemType;
import software.amazon.awssdk.services.connectcases.model.RelatedItemTypeFilter;
import software.amazon.awssdk.services.connectcases.model.SlaStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test control plane under /_opencases/ (--test-api true), every call signed with the account's keys: reset
 * one account's data or all of it, move the server clock (an SLA goes Overdue, a retry comes due), and see the case
 * events delivered, retrying and dead-lettered with their payloads. Case events go to a webhook that never answers
 * (nothing listens on its port), so they are retried and then dead-lettered; the log publisher is not used.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestControlPlaneConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";
    private static TestServer server;
    private static ConnectCasesClient a;
    private static ConnectCasesClient b;

    @BeforeAll
    static void start() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // Two attempts an hour apart: the first failure leaves the event retrying until the clock is advanced.
        var events = new ServerConfig.Events(false, List.of(URI.create("http://127.0.0.1:" + closedPort + "/")),
                "secret", new DeliveryPolicy(2, Duration.ofHours(1), Duration.ofHours(1)));
        server = TestServer.start(events, ServerConfig.Operability.DEFAULT.withTestApi(true));
        a = server.client(TestServer.ACCOUNT_A);
        b = server.client(TestServer.ACCOUNT_B);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        server.close();
        // The clock is the server's: nothing to restore.
    }

    private static HttpResponse<String> control(Credentials who, String method, String path, String body) {
        return SignedHttp.send(server.endpoint(), who, method, "/_opencases/" + path, body);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void unsignedOrBadlySignedCallsAreRefused() throws Exception {
        var unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.endpoint() + "/_opencases/reset"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("X-Amzn-ErrorType")).isPresent();
        var wrongSecret = control(new Credentials(TestServer.ACCOUNT_A.accessKeyId(), "not-the-secret",
                TestServer.ACCOUNT_A.accountId()), "GET", "clock", "");
        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        var unknown = control(TestServer.ACCOUNT_A, "POST", "nothing-here", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        var badBody = control(TestServer.ACCOUNT_A, "POST", "clock/advance", "{\"seconds\":\"soon\"}");
        assertThat(badBody.statusCode()).isEqualTo(400);
        assertThat(badBody.body()).contains("seconds");
    }

    @Test
    @Order(2)
    void advancingTheClockMakesAnSlaOverdueAndSettingItMovesIt() throws Exception {
        String domainId = a.createDomain(r -> r.name("clock-" + System.nanoTime())).domainId();
        String templateId = a.createTemplate(r -> r.domainId(domainId).name("t")).templateId();
        String caseId = a.createCase(r -> r.domainId(domainId).templateId(templateId).fields(
                CaseConformanceTest.text("title", "t"), CaseConformanceTest.text("customer_id", CUSTOMER))).caseId();
        a.createRelatedItem(r -> r.domainId(domainId).caseId(caseId).type(RelatedItemType.SLA)
                .content(RelatedItemInputContent.builder().sla(s -> s.slaInputConfiguration(c -> c.name("resolve")
                        .type("CaseField").fieldId("status")
                        .targetFieldValues(FieldValueUnion.builder().stringValue("closed").build())
                        .targetSlaMinutes(60L))).build()));
        Predicate<SlaStatus> slaIs = status -> !a.searchRelatedItems(r -> r.domainId(domainId).caseId(caseId)
                .filters(RelatedItemTypeFilter.builder().sla(s -> s.status(status)).build())).relatedItems()
                .isEmpty();
        assertThat(slaIs.test(SlaStatus.ACTIVE)).isTrue();

        JsonNode advanced = ok(control(TestServer.ACCOUNT_A, "POST", "clock/advance", "{\"seconds\":7200}"));
        assertThat(advanced.get("offsetSeconds").asLong()).isGreaterThanOrEqualTo(7199);
        assertThat(slaIs.test(SlaStatus.OVERDUE)).isTrue();
        assertThat(slaIs.test(SlaStatus.ACTIVE)).isFalse();

        JsonNode set = ok(control(TestServer.ACCOUNT_B, "PUT", "clock", "{\"now\":\"2031-05-06T07:08:09Z\"}"));
        assertThat(Instant.parse(set.get("now").asText())).isBetween(Instant.parse("2031-05-06T07:08:09Z"),
                Instant.parse("2031-05-06T07:09:09Z"));
        assertThat(Instant.parse(ok(control(TestServer.ACCOUNT_A, "GET", "clock", "")).get("now").asText()))
                .isAfter(Instant.parse("2031-05-06T07:08:09Z"));

        JsonNode reset = ok(control(TestServer.ACCOUNT_A, "DELETE", "clock", ""));
        assertThat(reset.get("offsetSeconds").asLong()).isZero();
        assertThat(slaIs.test(SlaStatus.ACTIVE)).isTrue();
    }

    @Test
    @Order(3)
    void caseEventsAreListedRetryingThenDeadWithTheirPayloads() throws Exception {
        String domainId = a.createDomain(r -> r.name("events-" + System.nanoTime())).domainId();
        a.putCaseEventConfiguration(r -> r.domainId(domainId).eventBridge(e -> e.enabled(true)));
        String templateId = a.createTemplate(r -> r.domainId(domainId).name("t")).templateId();
        String caseId = a.createCase(r -> r.domainId(domainId).templateId(templateId).fields(
                CaseConformanceTest.text("title", "t"), CaseConformanceTest.text("customer_id", CUSTOMER))).caseId();

        JsonNode retrying = awaitEvent(TestServer.ACCOUNT_A, "retrying", caseId);
        assertThat(retrying.get("attempts").asInt()).isEqualTo(1);
        assertThat(retrying.get("eventType").asText()).isEqualTo("CASE.CREATED");
        assertThat(retrying.has("nextAttemptAt")).isTrue();
        assertThat(retrying.at("/payload/detail-type").asText()).isEqualTo("Amazon Connect Cases Change");
        assertThat(retrying.at("/payload/detail/case/caseId").asText()).isEqualTo(caseId);
        // Account B sees none of account A's events.
        assertThat(ok(control(TestServer.ACCOUNT_B, "GET", "events", "")).get("retrying")).isEmpty();

        // The retry is due an hour later: move the clock there; it fails again and the event is given up on.
        ok(control(TestServer.ACCOUNT_A, "POST", "clock/advance", "{\"seconds\":7200}"));
        try {
            JsonNode dead = awaitEvent(TestServer.ACCOUNT_A, "dead", caseId);
            assertThat(dead.get("attempts").asInt()).isEqualTo(2);
            assertThat(dead.get("lastError").asText()).isNotEmpty();
            assertThat(dead.at("/payload/detail/eventType").asText()).isEqualTo("CASE.CREATED");
        } finally {
            ok(control(TestServer.ACCOUNT_A, "DELETE", "clock", ""));
        }
    }

    @Test
    @Order(4)
    void resettingAnAccountErasesOnlyItsData() throws Exception {
        String a1 = a.createDomain(r -> r.name("a1-" + System.nanoTime())).domainId();
        String a2 = a.createDomain(r -> r.name("a2-" + System.nanoTime())).domainId();
        String b1 = b.createDomain(r -> r.name("b1-" + System.nanoTime())).domainId();

        JsonNode reset = ok(control(TestServer.ACCOUNT_A, "POST", "reset", "{}"));

        assertThat(reset.get("scope").asText()).isEqualTo("account");
        assertThat(reset.get("erasedDomainIds")).extracting(JsonNode::asText).contains(a1, a2).doesNotContain(b1);
        assertThat(a.listDomains(r -> r.maxResults(10)).domains()).isEmpty();
        assertThat(ok(control(TestServer.ACCOUNT_A, "GET", "events", "")).get("dead")).isEmpty();
        assertThat(b.listDomains(r -> r.maxResults(10)).domains()).extracting(d -> d.domainId()).contains(b1);
        // The account starts over: a domain of the same name can be made again.
        assertThat(a.createDomain(r -> r.name("fresh")).domainId()).isNotEmpty();
    }

    @Test
    @Order(5)
    void resettingEverythingErasesEveryAccount() throws Exception {
        b.createDomain(r -> r.name("b2-" + System.nanoTime()));

        JsonNode reset = ok(control(TestServer.ACCOUNT_B, "POST", "reset", "{\"scope\":\"all\"}"));

        assertThat(reset.get("erasedDomainIds")).isNotEmpty();
        assertThat(a.listDomains(r -> r.maxResults(10)).domains()).isEmpty();
        assertThat(b.listDomains(r -> r.maxResults(10)).domains()).isEmpty();
        var badScope = control(TestServer.ACCOUNT_B, "POST", "reset", "{\"scope\":\"everything\"}");
        assertThat(badScope.statusCode()).isEqualTo(400);
    }

    private static JsonNode awaitEvent(Credentials who, String state, String caseId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            for (JsonNode event : ok(control(who, "GET", "events", "")).get(state)) {
                if (event.get("caseId").asText().equals(caseId)) {
                    return event;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + state + " event for case " + caseId + ": "
                        + control(who, "GET", "events", "").body());
            }
            Thread.sleep(100);
        }
    }
}
