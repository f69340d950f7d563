package io.opencases.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The default deployment's database: a real PostgreSQL (the binaries come from Maven Central with the server),
 * started and stopped with the server, its cluster under {@code <data-dir>/postgres} so data survives restarts.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String USER = "postgres";

    /** Between two attempts to restart a PostgreSQL that died. */
    private static final Duration RESTART_BACKOFF = Duration.ofMillis(500);

    private final Path cluster;
    private final boolean durable;
    private final int port;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path cluster, boolean durable) {
        this.postgres = postgres;
        this.cluster = cluster;
        this.durable = durable;
        this.port = postgres.getPort();
        supervise();
    }

    /**
     * Starts PostgreSQL on the cluster in {@code dataDir} (created on first start). {@code durable} keeps fsync on,
     * as a production database must; tests that throw their data away switch it off for speed.
     */
    static EmbeddedDatabase start(Path dataDir, boolean durable) {
        Path cluster = dataDir.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(cluster.getParent());
            stopOrphan(cluster);
            var postgres = builder(cluster, durable).start();
            LOG.info("Embedded PostgreSQL started on port {} with its data in {}", postgres.getPort(), cluster);
            return new EmbeddedDatabase(postgres, cluster, durable);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + cluster, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path cluster, boolean durable) {
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                // Write volume (issue 9): every case write is WAL. Room for 2 GB of WAL between checkpoints
                // and a checkpoint at most every 15 minutes keep full-page images (the first change of each
                // page after a checkpoint) rare; compression shrinks those that remain; 16 MB of WAL buffers
                // let many concurrent commits share one flush. Durability is untouched: fsync and
                // synchronous_commit stay on below.
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("min_wal_size", "256MB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("checkpoint_completion_target", "0.9")
                .setServerConfig("wal_compression", "on")
                .setServerConfig("wal_buffers", "16MB");
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return builder;
    }

    /**
     * Watches the postmaster: when it dies (killed, crashed, out of memory) it is started again on the same cluster
     * and port, so the pool's URL stays valid. PostgreSQL's crash recovery replays its WAL: every commit it
     * acknowledged is still there. Until it is back the database monitor fails requests fast.
     */
    private void supervise() {
        postmasterPid().flatMap(ProcessHandle::of).ifPresentOrElse(
                postmaster -> postmaster.onExit().thenRun(this::restartAfterDeath),
                () -> LOG.warn("Cannot find the embedded PostgreSQL's postmaster in {}: it is not supervised",
                        cluster));
    }

    private java.util.Optional<Long> postmasterPid() {
        try {
            return java.util.Optional.of(Long.parseLong(
                    Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private synchronized void restartAfterDeath() {
        if (closed) {
            return;
        }
        LOG.error("Embedded PostgreSQL (port {}) died; restarting it on {}", port, cluster);
        try {
            // Releases zonky's lock on the cluster; stopping the dead server fails harmlessly.
            postgres.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the dead embedded PostgreSQL", e);
        }
        while (!closed) {
            try {
                postgres = builder(cluster, durable).setPort(port).start();
                restarts.incrementAndGet();
                LOG.info("Embedded PostgreSQL restarted on port {} (restart {})", port, restarts.get());
                supervise();
                return;
            } catch (IOException | RuntimeException e) {
                // Its old backends may still hold the shared memory for a moment, or the port is not free yet.
                LOG.warn("Embedded PostgreSQL did not restart yet ({}); trying again", String.valueOf(e));
                try {
                    Thread.sleep(RESTART_BACKOFF.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How many times the supervisor restarted PostgreSQL. */
    int restarts() {
        return restarts.get();
    }

    /** The postmaster's process id, for tests that kill it. */
    java.util.OptionalLong pid() {
        return postmasterPid().map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    /**
     * A server killed without its stop (kill -9) leaves its PostgreSQL running on the cluster; a new start would
     * fail on the cluster's lock. That orphan is ours: stop it (a fast shutdown, nothing committed is lost).
     */
    private static void stopOrphan(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return;
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        LOG.warn("Stopping PostgreSQL process {} left running on {} by a server that did not stop cleanly", pid,
                cluster);
        try {
            // SIGINT is PostgreSQL's fast shutdown; ProcessHandle only sends TERM or KILL, so ask kill(1).
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("Could not stop the PostgreSQL process " + pid + " still running on " + cluster, e);
        }
    }

    @Override
    public void close() {
        // First stop the supervisor (its restart loop checks this), then wait for a restart under way to finish.
        closed = true;
        synchronized (this) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
