package io.opencases.bootstrap.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opencases.application.Quotas;
import io.opencases.bootstrap.ServerConfig;
import io.opencases.bootstrap.conformance.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under write load and comes back; the server, never restarted, fails requests fast with a
 * retry hint meanwhile, says NOT_READY naming the database, then recovers by itself (pool, index follower, event
 * delivery lease) and has lost no acknowledged write. Both outage kinds: an external PostgreSQL stopped and
 * started (the embedded binaries play it), and the embedded PostgreSQL's postmaster killed with SIGKILL (the
 * server's supervisor restarts it).
 */
class DatabaseOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ServerConfig config(ServerConfig.Storage storage, String jdbcUrl, Path dataDir) {
        var base = TestServer.config(new Quotas(1000, 500, 500, 100, 100, 100, 100), false,
                ServerConfig.Events.DEFAULT);
        return new ServerConfig(base.host(), 0, storage, base.region(), base.accountId(), false, List.of(), false,
                base.quotas(), base.events(), new ServerConfig.Database(jdbcUrl, jdbcUrl == null ? null : "postgres",
                null, dataDir, 16, false), ServerConfig.Operability.DEFAULT.withTestApi(true));
    }

    private static EmbeddedPostgres externalPostgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    @Test
    void anExternalPostgresStoppedAndStartedUnderWriteLoad() throws Exception {
        int port = ServerProcess.freePort();
        Path data = dir.resolve("external-pg");
        EmbeddedPostgres postgres = externalPostgres(data, port);
        try (TestServer server = TestServer.start(config(ServerConfig.Storage.POSTGRES,
                postgres.getJdbcUrl("postgres", "postgres"), dir.resolve("opencases")));
             WriteLoad load = new WriteLoad(server.endpoint().toString(), 3)) {
            load.awaitAcknowledged(30, Duration.ofSeconds(60));

            postgres.close();
            awaitReadiness(load, 503);
            HttpResponse<String> notReady = load.get("/health/ready");
            assertThat(JSON.readTree(notReady.body()).at("/failing/database").asText()).contains("database");
            // While it is down: a fast, modelled 5xx with a retry hint.
            var failed = load.send("/domains-list", "{}", "POST");
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.headers().firstValue("X-Amzn-ErrorType")).contains("InternalServerException");
            assertThat(failed.headers().firstValue("Retry-After")).isPresent();
            assertThat(failed.body()).contains("database is unreachable");

            postgres = externalPostgres(data, port);
            awaitReadiness(load, 200);
            load.awaitAcknowledged(30, Duration.ofSeconds(60));
            load.close();

            assertThat(load.failures).isNotEmpty().allSatisfy(f -> {
                assertThat(f.status()).isEqualTo(500);
                assertThat(f.errorType()).isEqualTo("InternalServerException");
                assertThat(f.retryAfter()).as(f.body()).isNotNull();
            });
            load.verifyNothingAcknowledgedWasLost();
            awaitEventsDeliveredFor(load);
        } finally {
            postgres.close();
        }
    }

    @Test
    void theEmbeddedPostmasterKilledUnderWriteLoadIsRestarted() throws Exception {
        Path dataDir = dir.resolve("embedded");
        try (TestServer server = TestServer.start(config(ServerConfig.Storage.EMBEDDED, null, dataDir));
             WriteLoad load = new WriteLoad(server.endpoint().toString(), 3)) {
            load.awaitAcknowledged(30, Duration.ofSeconds(60));
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0)
                    .trim());

            assertThat(new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor()).isZero();
            ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());

            // Recovered by itself: writes succeed again, the server is ready, PostgreSQL runs under a new pid.
            load.awaitAcknowledged(30, Duration.ofSeconds(120));
            awaitReadiness(load, 200);
            long restarted = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0)
                    .trim());
            assertThat(restarted).isNotEqualTo(postmaster);
            load.close();

            assertThat(load.failures).allSatisfy(f -> {
                assertThat(f.status()).isEqualTo(500);
                assertThat(f.errorType()).isEqualTo("InternalServerException");
                assertThat(f.retryAfter()).as(f.body()).isNotNull();
            });
            load.verifyNothingAcknowledgedWasLost();
            awaitEventsDeliveredFor(load);
        }
    }

    private static void awaitReadiness(WriteLoad load, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.get("/health/ready").statusCode() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/health/ready never answered " + status + ": "
                        + load.get("/health/ready").body());
            }
            Thread.sleep(50);
        }
    }

    /** The delivery lease and loop recovered: every acknowledged case's CASE.CREATED event goes out. */
    private static void awaitEventsDeliveredFor(WriteLoad load) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode events = load.call("/_opencases/events", "", "GET");
            var delivered = new java.util.HashSet<String>();
            events.get("delivered").forEach(e -> delivered.add(e.get("caseId").asText()));
            if (delivered.containsAll(load.acknowledged.keySet())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events of " + load.acknowledged.size() + " acknowledged cases not all "
                        + "delivered: " + delivered.size() + " delivered, pending " + events.get("pending").size()
                        + ", retrying " + events.get("retrying").size());
            }
            Thread.sleep(200);
        }
    }
}
