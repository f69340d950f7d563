package io.opencases.bootstrap.durability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server process on the embedded PostgreSQL in a data directory, for the tests that kill it: started from
 * this JVM's class path (with --auth none), killed hard together with its database, or stopped with SIGTERM.
 */
final class ServerProcess {

    private ServerProcess() {
    }

    /** Starts a server and waits until /health answers; {@code jvmOptions} go before the main class. */
    static Process start(Path dataDir, int port, String name, String... jvmOptions) throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
        return io.opencases.bootstrap.ops.ServerProcess.start(log, port, List.of(jvmOptions), "--storage", "embedded",
                "--data-dir", dataDir.toString(), "--auth", "none").process;
    }

    /** SIGKILL for the JVM and for PostgreSQL (its postmaster and every backend): nothing gets to clean up. */
    static void killHard(Path dataDir, Process server) throws Exception {
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

    /** SIGTERM: the server drains, stops its database and exits 0. */
    static void stopGracefully(Process server) throws Exception {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        return io.opencases.bootstrap.ops.ServerProcess.freePort();
    }
}
