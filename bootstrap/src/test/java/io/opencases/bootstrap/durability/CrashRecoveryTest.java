package io.opencases.bootstrap.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Process server = startServer(port, "first");
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
            killHard(server);
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

        Process restarted = startServer(port, "second");
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
            stopGracefully(restarted);
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

    private Process startServer(int port, String name) throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.opencases.bootstrap.Main",
                "--storage", "embedded", "--data-dir", dataDir.toString(), "--port", Integer.toString(port),
                "--auth", "none");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("server did not start:\n" + Files.readString(log));
    }

    /** SIGKILL for the JVM and for PostgreSQL (its postmaster and every backend): nothing gets to clean up. */
    private void killHard(Process server) throws Exception {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        server.destroyForcibly();
        var postgres = ProcessHandle.of(postmaster).orElseThrow();
        var backends = postgres.descendants().toList();
        new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor();
        for (ProcessHandle backend : backends) {
            backend.destroyForcibly();
        }
        server.waitFor(30, TimeUnit.SECONDS);
        postgres.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle backend : backends) {
            backend.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static void stopGracefully(Process server) throws Exception {
        server.destroy(); // SIGTERM: the server drains, stops its database and exits 0
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
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

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
