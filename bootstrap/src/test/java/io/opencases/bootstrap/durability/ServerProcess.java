package io.opencases.bootstrap.durability;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server process on the embedded PostgreSQL in a data directory, for the tests that kill it: started from
 * this JVM's class path (with --auth none), killed hard together with its database, or stopped with SIGTERM.
 */
final class ServerProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess() {
    }

    /** Starts a server and waits until /health answers; {@code jvmOptions} go before the main class. */
    static Process start(Path dataDir, int port, String name, String... jvmOptions) throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.opencases.bootstrap.Main",
                "--storage", "embedded", "--data-dir", dataDir.toString(), "--port", Integer.toString(port),
                "--auth", "none"));
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
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
