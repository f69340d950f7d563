package io.opencases.bootstrap.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the server process and its embedded PostgreSQL (kill -9) in the middle of a stream of CreateCase and
 * UpdateCase calls, restarts the server on the same data directory, and checks that every acknowledged write is
 * there and that search agrees with the store.
 */
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int WRITERS = 4;
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:000000000000:domains/d/profiles/p";

    /** What a writer knows of one case: the last title acknowledged, and one sent but never answered. */
    private record Known(String acknowledgedTitle, String unansweredTitle) {
    }

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesAKillOfTheServerAndItsDatabase() throws Exception {
        int port = ServerProcess.freePort();
        String base = "http://127.0.0.1:" + port;
        Process server = ServerProcess.start(dataDir, port, "first");
        String domainId;
        String templateId;
        Map<String, Known> known = new ConcurrentHashMap<>();
        Set<String> unansweredCreates = ConcurrentHashMap.newKeySet();
        try {
            domainId = call(base + "/domains", "{\"name\":\"crash\"}").get("domainId").asText();
            templateId = call(base + "/domains/" + domainId + "/templates", "{\"name\":\"t\"}").get("templateId")
                    .asText();
            var stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            var writers = new ArrayList<Future<Integer>>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(base, domainId, templateId, writer, stop, known,
                        unansweredCreates)));
            }
            // Let the stream run, then kill everything mid-flight.
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while ((System.nanoTime() < deadline || known.size() < 50)
                    && writers.stream().noneMatch(Future::isDone)) {
                Thread.sleep(50);
            }
            for (Future<Integer> writer : writers) {
                if (writer.isDone()) {
                    writer.get(); // a writer that stopped before the kill failed: show why
                }
            }
            ServerProcess.killHard(dataDir, server);
            stop.set(true);
            int acknowledged = 0;
            for (Future<Integer> writer : writers) {
                acknowledged += writer.get(60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            assertThat(acknowledged).isGreaterThan(50);
        } finally {
            server.destroyForcibly();
        }

        Process restarted = ServerProcess.start(dataDir, port, "second");
        try {
            for (var entry : known.entrySet()) {
                JsonNode aCase = call(base + "/domains/" + domainId + "/cases/" + entry.getKey(),
                        "{\"fields\":[{\"id\":\"title\"}]}");
                String title = aCase.at("/fields/0/value/stringValue").asText();
                Known k = entry.getValue();
                // An update sent but unanswered when the server died may or may not have committed.
                assertThat(title).isIn(k.acknowledgedTitle(), k.unansweredTitle());
            }
            Map<String, String> searched = searchAll(base, domainId);
            assertThat(searched.keySet()).containsAll(known.keySet());
            for (var entry : searched.entrySet()) {
                if (known.containsKey(entry.getKey())) {
                    Known k = known.get(entry.getKey());
                    assertThat(entry.getValue()).isIn(k.acknowledgedTitle(), k.unansweredTitle());
                } else {
                    // Only a create that was sent but never answered may exist without being known.
                    assertThat(entry.getValue()).isIn(unansweredCreates);
                }
            }
        } finally {
            ServerProcess.stopGracefully(restarted);
        }
    }

    /** One writer: creates cases and updates its earlier ones until stopped or the server dies. */
    private static int write(String base, String domainId, String templateId, int writer, AtomicBoolean stop,
                             Map<String, Known> known, Set<String> unansweredCreates) {
        var mine = new ArrayList<String>();
        int acknowledged = 0;
        for (int i = 0; !stop.get(); i++) {
            if (i % 2 == 1 && !mine.isEmpty()) {
                String caseId = mine.get(i % mine.size());
                String title = "w" + writer + "-u" + i;
                known.put(caseId, new Known(known.get(caseId).acknowledgedTitle(), title));
                try {
                    call(base + "/domains/" + domainId + "/cases/" + caseId, "PUT",
                            "{\"fields\":[{\"id\":\"title\",\"value\":{\"stringValue\":\"" + title + "\"}}]}");
                } catch (IOException | InterruptedException e) {
                    return acknowledged;
                }
                known.put(caseId, new Known(title, null));
            } else {
                String title = "w" + writer + "-c" + i;
                unansweredCreates.add(title);
                String caseId;
                try {
                    caseId = call(base + "/domains/" + domainId + "/cases", "{\"templateId\":\"" + templateId
                            + "\",\"fields\":[{\"id\":\"title\",\"value\":{\"stringValue\":\"" + title + "\"}},"
                            + "{\"id\":\"customer_id\",\"value\":{\"stringValue\":\"" + CUSTOMER + "\"}}]}")
                            .get("caseId").asText();
                } catch (IOException | InterruptedException e) {
                    return acknowledged;
                }
                unansweredCreates.remove(title);
                known.put(caseId, new Known(title, null));
                mine.add(caseId);
            }
            acknowledged++;
        }
        return acknowledged;
    }

    private static Map<String, String> searchAll(String base, String domainId) throws Exception {
        Map<String, String> titles = new HashMap<>();
        String token = null;
        do {
            String body = "{\"maxResults\":100,\"fields\":[{\"id\":\"title\"}]"
                    + (token == null ? "" : ",\"nextToken\":\"" + token + "\"") + "}";
            JsonNode page = call(base + "/domains/" + domainId + "/cases-search", body);
            for (JsonNode aCase : page.get("cases")) {
                titles.put(aCase.get("caseId").asText(), aCase.at("/fields/0/value/stringValue").asText());
            }
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null);
        return titles;
    }

    private static JsonNode call(String url, String body) throws IOException, InterruptedException {
        return call(url, "POST", body);
    }

    private static JsonNode call(String url, String method, String body) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
