package io.opencases.bootstrap.conformance;

import io.opencases.bootstrap.ServerConfig;
import io.opencases.bootstrap.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.ConnectCasesClient;
import software.amazon.awssdk.services.connectcases.model.ResourceNotFoundException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code GET /metrics} (Prometheus text, unsigned) counts what the SDK did, and {@code GET /health/ready} says
 * READY while every part works. Runs on memory and again on PostgreSQL, where the pool's and the statements'
 * metrics appear too.
 */
class ObservabilityConformanceTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** One sample line of the text format: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static TestServer server;
    private static ConnectCasesClient cases;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServerConfig.Operability.DEFAULT);
        cases = server.client();
    }

    @AfterAll
    static void stop() {
        cases.close();
        server.close();
    }

    @Test
    void requestsAreCountedByOperationAndOutcomeWithTheirLatency() throws Exception {
        Map<String, Double> before = scrape();
        String domainId = cases.createDomain(b -> b.name("metrics-" + System.nanoTime())).domainId();
        for (int i = 0; i < 3; i++) {
            cases.getDomain(b -> b.domainId(domainId));
        }
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cases.getDomain(b -> b.domainId("no-such-domain")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
        Map<String, Double> after = scrape();

        assertThat(delta(before, after, "opencases_requests_total{operation=\"CreateDomain\",outcome=\"Success\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "opencases_requests_total{operation=\"GetDomain\",outcome=\"Success\"}"))
                .isEqualTo(3);
        assertThat(delta(before, after,
                "opencases_requests_total{operation=\"GetDomain\",outcome=\"ResourceNotFoundException\"}"))
                .isEqualTo(2);
        assertThat(delta(before, after, "opencases_request_duration_seconds_count{operation=\"GetDomain\"}"))
                .isEqualTo(5);
        assertThat(after.get("opencases_request_duration_seconds_bucket{operation=\"GetDomain\",le=\"+Inf\"}"))
                .isEqualTo(after.get("opencases_request_duration_seconds_count{operation=\"GetDomain\"}"));
        assertThat(after.get("opencases_request_duration_seconds_sum{operation=\"GetDomain\"}")).isPositive();
        // Nothing else is being served while the scrape runs.
        assertThat(after.get("opencases_requests_inflight")).isZero();
    }

    @Test
    void theIndexTheOutboxTheJvmAndTheProcessAreMeasured() throws Exception {
        Map<String, Double> metrics = scrape();
        assertThat(metrics).containsKeys("opencases_index_documents", "opencases_index_lag_changes",
                "opencases_index_lag_seconds", "opencases_index_refresh_seconds_count",
                "opencases_events_pending", "opencases_events_delivered_total", "opencases_events_retries_total",
                "opencases_events_dead_letters_total", "opencases_events_delivery_latency_seconds_count",
                "process_uptime_seconds", "process_cpu_usage", "jvm_threads_live_threads");
        assertThat(metrics.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"));
    }

    @Test
    void deliveredCaseEventsAreCountedWithTheirLatency() throws Exception {
        Map<String, Double> before = scrape();
        String domainId = cases.createDomain(b -> b.name("events-" + System.nanoTime())).domainId();
        cases.putCaseEventConfiguration(b -> b.domainId(domainId).eventBridge(e -> e.enabled(true)));
        String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();
        cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(
                CaseConformanceTest.text("title", "t"), CaseConformanceTest.text("customer_id",
                        "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p")));

        // Delivery runs in the background (to the log here): wait for it.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        Map<String, Double> after = scrape();
        while (delta(before, after, "opencases_events_delivered_total") < 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            after = scrape();
        }
        assertThat(delta(before, after, "opencases_events_delivered_total")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "opencases_events_delivery_latency_seconds_count"))
                .isEqualTo(delta(before, after, "opencases_events_delivered_total"));
        assertThat(delta(before, after, "opencases_events_retries_total")).isZero();
        assertThat(delta(before, after, "opencases_events_dead_letters_total")).isZero();
    }

    @Test
    void onPostgresThePoolAndTheStatementsPerOperationAreMeasured() throws Exception {
        // Memory storage has no pool and no SQL: the PostgreSQL pass of the suite checks this.
        Assumptions.assumeTrue(TestDatabases.postgresRequested());
        Map<String, Double> before = scrape();
        String domainId = cases.createDomain(b -> b.name("pool-" + System.nanoTime())).domainId();
        cases.getDomain(b -> b.domainId(domainId));
        Map<String, Double> after = scrape();
        assertThat(after).containsKey("hikaricp_connections_max{pool=\"opencases\"}");
        assertThat(after.keySet()).anyMatch(k -> k.startsWith("hikaricp_connections_acquire_seconds_count"));
        assertThat(delta(before, after, "opencases_db_statements_total{operation=\"GetDomain\"}")).isPositive();
        assertThat(delta(before, after, "opencases_db_statements_total{operation=\"CreateDomain\"}")).isPositive();
    }

    @Test
    void readinessIsReadyWhileEverythingWorks() throws Exception {
        var response = get("/health/ready");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"READY\"}");
    }

    @Test
    void metricsCanBeSwitchedOff() throws Exception {
        try (TestServer off = TestServer.start(ServerConfig.Operability.DEFAULT.withMetrics(false))) {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(off.endpoint() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Not served: the path falls through to the (signed) API, which refuses the unsigned request.
            assertThat(response.statusCode()).isNotEqualTo(200);
            assertThat(response.body()).doesNotContain("opencases_requests_total");
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Parses the Prometheus text exposition: sample (name with its labels as written) → value. */
    static Map<String, Double> scrape() throws Exception {
        var response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        var samples = new HashMap<String, Double>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var match = SAMPLE.matcher(line);
            assertThat(match.matches()).as("a sample line: %s", line).isTrue();
            String key = match.group(2) == null ? match.group(1) : match.group(1) + match.group(2);
            samples.put(key, Double.parseDouble(match.group(4)));
        }
        return samples;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after).containsKey(sample);
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }
}
