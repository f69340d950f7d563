package io.opencases.bootstrap.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CreateCase calls from a few client threads against a server with --auth none, remembering every case the server
 * acknowledged (200) and every failure's status, error type and Retry-After, so a test can check that nothing
 * acknowledged was lost and how failures were answered.
 */
final class WriteLoad implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String CUSTOMER = "arn:aws:profile:us-east-1:000000000000:domains/d/profiles/p";

    /** An answered request that failed. */
    record Failure(int status, String errorType, String retryAfter, String body) {
    }

    final String base;
    final String domainId;
    private final String templateId;
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final List<Failure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger sent = new AtomicInteger();
    private final ExecutorService pool;
    private final List<Future<?>> writers = new ArrayList<>();

    WriteLoad(String base, int threads) throws Exception {
        this.base = base;
        this.domainId = call("/domains", "{\"name\":\"outage-" + System.nanoTime() + "\"}").get("domainId").asText();
        // Events on, so the test can see delivery resume after the outage.
        call("/domains/" + domainId + "/case-event-configuration",
                "{\"eventBridge\":{\"enabled\":true}}", "PUT");
        this.templateId = call("/domains/" + domainId + "/templates", "{\"name\":\"t\"}").get("templateId").asText();
        this.pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int writer = t;
            writers.add(pool.submit(() -> write(writer)));
        }
    }

    private void write(int writer) {
        for (int i = 0; !stop.get(); i++) {
            String title = "w" + writer + "-" + i;
            unanswered.add(title);
            sent.incrementAndGet();
            HttpResponse<String> response;
            try {
                response = send("/domains/" + domainId + "/cases", "{\"templateId\":\"" + templateId
                        + "\",\"fields\":[{\"id\":\"title\",\"value\":{\"stringValue\":\"" + title + "\"}},"
                        + "{\"id\":\"customer_id\",\"value\":{\"stringValue\":\"" + CUSTOMER + "\"}}]}", "POST");
            } catch (Exception e) {
                continue; // no answer: it may or may not have committed
            }
            unanswered.remove(title);
            if (response.statusCode() == 200) {
                try {
                    acknowledged.put(JSON.readTree(response.body()).get("caseId").asText(), title);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            } else {
                failures.add(new Failure(response.statusCode(),
                        response.headers().firstValue("X-Amzn-ErrorType").orElse(null),
                        response.headers().firstValue("Retry-After").orElse(null), response.body()));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Waits until {@code more} further writes have been acknowledged (or fails after {@code timeout}). */
    void awaitAcknowledged(int more, Duration timeout) throws InterruptedException {
        int target = acknowledged.size() + more;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " of " + target + " writes acknowledged in "
                        + timeout + "; failures: " + failures.subList(Math.max(0, failures.size() - 3),
                        failures.size()));
            }
            for (Future<?> writer : writers) {
                if (writer.isDone()) {
                    try {
                        writer.get();
                    } catch (Exception e) {
                        throw new AssertionError("a writer died", e);
                    }
                }
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        stop.set(true);
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    JsonNode call(String path, String body) throws Exception {
        return call(path, body, "POST");
    }

    JsonNode call(String path, String body, String method) throws Exception {
        var response = send(path, body, method);
        if (response.statusCode() != 200) {
            throw new AssertionError(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> send(String path, String body, String method) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every case of the domain SearchCases finds, id → title. */
    Map<String, String> searchAll() throws Exception {
        var titles = new java.util.HashMap<String, String>();
        String token = null;
        do {
            String body = "{\"maxResults\":100,\"fields\":[{\"id\":\"title\"}]"
                    + (token == null ? "" : ",\"nextToken\":\"" + token + "\"") + "}";
            JsonNode page = call("/domains/" + domainId + "/cases-search", body);
            for (JsonNode aCase : page.get("cases")) {
                titles.put(aCase.get("caseId").asText(), aCase.at("/fields/0/value/stringValue").asText());
            }
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null);
        return titles;
    }

    /** Checks that every acknowledged case is there, by GetCase and by search. */
    void verifyNothingAcknowledgedWasLost() throws Exception {
        for (var entry : acknowledged.entrySet()) {
            JsonNode aCase = call("/domains/" + domainId + "/cases/" + entry.getKey(),
                    "{\"fields\":[{\"id\":\"title\"}]}");
            if (!entry.getValue().equals(aCase.at("/fields/0/value/stringValue").asText())) {
                throw new AssertionError("case " + entry.getKey() + " lost its title " + entry.getValue());
            }
        }
        // The index follower catches up within its pass; give it a moment after the last write.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, String> searched = searchAll();
        while (!searched.keySet().containsAll(acknowledged.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            searched = searchAll();
        }
        for (var entry : acknowledged.entrySet()) {
            if (!entry.getValue().equals(searched.get(entry.getKey()))) {
                throw new AssertionError("search does not find case " + entry.getKey() + " (" + entry.getValue()
                        + ")");
            }
        }
    }
}
