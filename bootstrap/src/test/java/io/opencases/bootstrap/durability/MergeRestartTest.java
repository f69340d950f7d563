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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge is a durable job: started on a server whose merge runner is held (so it is certainly IN_PROGRESS), the
 * server and its embedded PostgreSQL are killed (kill -9); the restarted server finishes the merge, exactly once,
 * and a second restart changes nothing.
 */
class MergeRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:000000000000:domains/d/profiles/p";

    private record Answer(int status, JsonNode body) {
    }

    @TempDir
    Path dataDir;

    @Test
    void aMergeInterruptedByAKillFinishesOnceAfterTheRestart() throws Exception {
        int port = ServerProcess.freePort();
        String base = "http://127.0.0.1:" + port;
        Process server = ServerProcess.start(dataDir, port, "first", "-Dopencases.merge.paused=true");
        String domainId;
        String primary;
        String secondary;
        String notes;
        String comment;
        try {
            domainId = ok(call(base + "/domains", "POST", "{\"name\":\"merge\"}")).get("domainId").asText();
            String templateId = ok(call(base + "/domains/" + domainId + "/templates", "POST", "{\"name\":\"t\"}"))
                    .get("templateId").asText();
            notes = ok(call(base + "/domains/" + domainId + "/fields", "POST", "{\"name\":\"Notes\",\"type\":\"Text\"}"))
                    .get("fieldId").asText();
            primary = createCase(base, domainId, templateId, "primary", null);
            secondary = createCase(base, domainId, templateId, "secondary", notes);
            comment = ok(call(base + "/domains/" + domainId + "/cases/" + secondary + "/related-items/", "POST",
                    "{\"type\":\"Comment\",\"content\":{\"comment\":{\"body\":\"moves\",\"contentType\":\"Text/Plain\"}}}"))
                    .get("relatedItemId").asText();

            ok(call(base + "/domains/" + domainId + "/cases/" + primary + "/merge", "POST", "{\"secondaryCaseId\":\""
                    + secondary + "\",\"fieldsConfiguration\":{\"sourceCaseId\":\"" + secondary + "\",\"fieldIds\":"
                    + "[{\"id\":\"" + notes + "\"}]},\"relatedItemsConfiguration\":{\"comment\":true}}"));
            assertThat(ok(status(base, domainId, secondary)).get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(call(base + "/domains/" + domainId + "/cases/" + secondary, "PUT",
                    "{\"fields\":[{\"id\":\"summary\",\"value\":{\"stringValue\":\"x\"}}]}").status()).isEqualTo(409);
            ServerProcess.killHard(dataDir, server);
        } finally {
            server.destroyForcibly();
        }

        Process restarted = ServerProcess.start(dataDir, port, "second");
        List<String> historyAfterMerge;
        try {
            awaitCompleted(base, domainId, secondary);
            assertThat(status(base, domainId, primary).status()).isEqualTo(404);
            historyAfterMerge = check(base, domainId, primary, secondary, notes, comment);
        } finally {
            ServerProcess.stopGracefully(restarted);
        }

        Process third = ServerProcess.start(dataDir, port, "third");
        try {
            assertThat(ok(status(base, domainId, secondary)).get("status").asText()).isEqualTo("COMPLETED");
            assertThat(check(base, domainId, primary, secondary, notes, comment)).isEqualTo(historyAfterMerge);
        } finally {
            ServerProcess.stopGracefully(third);
        }
    }

    /** The merged state, exactly once; returns both audit histories' event ids. */
    private static List<String> check(String base, String domainId, String primary, String secondary, String notes,
                                      String comment) throws Exception {
        JsonNode merged = ok(call(base + "/domains/" + domainId + "/cases/" + primary, "POST",
                "{\"fields\":[{\"id\":\"" + notes + "\"}]}"));
        assertThat(merged.at("/fields/0/value/stringValue").asText()).isEqualTo("from the secondary");
        JsonNode closed = ok(call(base + "/domains/" + domainId + "/cases/" + secondary, "POST",
                "{\"fields\":[{\"id\":\"status\"}]}"));
        assertThat(closed.at("/fields/0/value/stringValue").asText()).isEqualTo("closed");
        JsonNode comments = ok(call(base + "/domains/" + domainId + "/cases/" + primary + "/related-items-search",
                "POST", "{\"filters\":[{\"comment\":{}}]}"));
        assertThat(comments.get("relatedItems")).extracting(i -> i.get("relatedItemId").asText())
                .containsExactly(comment);
        var ids = new ArrayList<String>();
        for (String caseId : List.of(primary, secondary)) {
            JsonNode history = ok(call(base + "/domains/" + domainId + "/cases/" + caseId + "/audit-history", "POST",
                    "{}"));
            assertThat(history.get("auditEvents")).filteredOn(e -> e.get("type").asText().equals("Case.Merged"))
                    .hasSize(1);
            history.get("auditEvents").forEach(e -> ids.add(e.get("eventId").asText()));
        }
        return ids;
    }

    private static String createCase(String base, String domainId, String templateId, String title, String notes)
            throws Exception {
        String extra = notes == null ? "" : ",{\"id\":\"" + notes + "\",\"value\":{\"stringValue\":\"from the "
                + "secondary\"}}";
        return ok(call(base + "/domains/" + domainId + "/cases", "POST", "{\"templateId\":\"" + templateId
                + "\",\"fields\":[{\"id\":\"title\",\"value\":{\"stringValue\":\"" + title + "\"}},"
                + "{\"id\":\"customer_id\",\"value\":{\"stringValue\":\"" + CUSTOMER + "\"}}" + extra + "]}"))
                .get("caseId").asText();
    }

    private static Answer status(String base, String domainId, String caseId) throws Exception {
        return call(base + "/domains/" + domainId + "/cases/" + caseId + "/merge-status", "POST", "");
    }

    private static void awaitCompleted(String base, String domainId, String secondary) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Answer answer = status(base, domainId, secondary);
            if (answer.status() == 200 && answer.body().get("status").asText().equals("COMPLETED")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the merge did not complete after the restart");
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static Answer call(String url, String method, String body) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.createObjectNode()
                : JSON.readTree(response.body()));
    }
}
