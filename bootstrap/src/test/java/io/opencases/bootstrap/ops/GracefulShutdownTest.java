package io.opencases.bootstrap.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM under write load, then a second SIGTERM while the server is stopping: it reports what was in flight and
 * the outbox's state, finishes its stop, exits 0, and after a restart on the same data every acknowledged write is
 * there.
 */
class GracefulShutdownTest {
    @TempDir
    Path dir;

    @Test
    void aSecondSigtermDuringShutdownLosesNothing() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        WriteLoad load;
        try (var server = ServerProcess.start(dir.resolve("first.log"), port, "--storage", "embedded",
                "--data-dir", data.toString(), "--auth", "none")) {
            load = new WriteLoad(server.base(), 4);
            load.awaitAcknowledged(40, Duration.ofSeconds(60));
            long pid = server.process.pid();
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(pid)).start().waitFor()).isZero();
            Thread.sleep(20);
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(pid)).start().waitFor()).isZero();
            assertThat(server.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
            load.close();
            String log = Files.readString(server.log);
            assertThat(server.process.exitValue()).as(log).isZero();
            assertThat(log).contains("API requests in flight").contains("case events pending")
                    .contains("again while stopping").contains("Stopped");
        }

        try (var restarted = ServerProcess.start(dir.resolve("second.log"), port, "--storage", "embedded",
                "--data-dir", data.toString(), "--auth", "none")) {
            assertThat(load.acknowledged).hasSizeGreaterThanOrEqualTo(40);
            load.verifyNothingAcknowledgedWasLost();
            assertThat(restarted.stop()).isZero();
        }
    }
}
