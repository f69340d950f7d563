package io.opencases.bootstrap.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --log-format json}: every line the server writes is one JSON object, and every API request is logged once
 * with the request id it returned, its operation, account, status, error type and duration.
 */
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyLineIsAJsonObjectAndEveryRequestIsLoggedOnceWithItsId() throws Exception {
        String createdId;
        String missingId;
        List<String> lines;
        try (var server = ServerProcess.start(dir.resolve("server.log"), "--storage", "memory", "--auth", "none",
                // A given admin password: a generated one is a plain-text notice on stdout (README), not a log line.
                "--log-format", "json", "--admin-password", "json-log-test")) {
            var created = server.post("/domains", "{\"name\":\"logged\"}");
            assertThat(created.statusCode()).isEqualTo(200);
            createdId = created.headers().firstValue("X-Amzn-RequestId").orElseThrow();
            var missing = server.post("/domains/no-such-domain", "{}");
            assertThat(missing.statusCode()).isEqualTo(404);
            missingId = missing.headers().firstValue("X-Amzn-RequestId").orElseThrow();
            assertThat(server.stop()).isZero();
            lines = Files.readAllLines(server.log);
        }

        var objects = new ArrayList<JsonNode>();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("a JSON object per line: %s", line).isTrue();
            assertThat(node.hasNonNull("@timestamp") && node.hasNonNull("level") && node.hasNonNull("message"))
                    .as(line).isTrue();
            objects.add(node);
        }
        var requestLines = objects.stream().filter(o -> o.path("logger_name").asText().equals("opencases.requests"))
                .toList();
        assertThat(requestLines).hasSize(2);

        JsonNode create = requestLines.stream().filter(o -> o.path("requestId").asText().equals(createdId))
                .findFirst().orElseThrow();
        assertThat(create.path("operation").asText()).isEqualTo("CreateDomain");
        assertThat(create.path("account").asText()).isEqualTo("000000000000");
        assertThat(create.path("status").asText()).isEqualTo("200");
        assertThat(create.has("errorType")).isFalse();
        assertThat(Double.parseDouble(create.path("durationMs").asText())).isPositive();

        JsonNode notFound = requestLines.stream().filter(o -> o.path("requestId").asText().equals(missingId))
                .findFirst().orElseThrow();
        assertThat(notFound.path("operation").asText()).isEqualTo("GetDomain");
        assertThat(notFound.path("status").asText()).isEqualTo("404");
        assertThat(notFound.path("errorType").asText()).isEqualTo("ResourceNotFoundException");

        // The shutdown report.
        assertThat(objects).anySatisfy(o -> assertThat(o.path("message").asText())
                .startsWith("Stopping: 0 API requests in flight").contains("case events pending"));
    }
}
