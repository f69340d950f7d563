package io.opencases.bootstrap;

import io.opencases.jdbc.JdbcStorage;
import io.opencases.rest.ops.Availability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the database from a thread of its own, on a session outside the pool: once it stops answering, API
 * requests fail at once (500 InternalServerException with Retry-After) and {@code /health/ready} names it, instead
 * of every request waiting out the pool's timeout; once it answers again, the pool's connections are replaced
 * (they may point at the dead server) and requests flow again.
 */
final class DatabaseMonitor implements Availability, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseMonitor.class);
    static final long INTERVAL_MILLIS = 500;
    private static final int PROBE_TIMEOUT_SECONDS = 2;
    /** What clients are told to wait before retrying while the database is down. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final JdbcStorage storage;
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "opencases-database-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Optional<Outage> outage = Optional.empty();
    private volatile long downSince;

    DatabaseMonitor(JdbcStorage storage) {
        this.storage = storage;
    }

    void start() {
        probes.scheduleWithFixedDelay(this::probe, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** One check; public to the package so tests and the embedded supervisor can force one. */
    void probe() {
        boolean up;
        try {
            up = storage.reachable(PROBE_TIMEOUT_SECONDS);
        } catch (RuntimeException e) {
            up = false;
        }
        if (up && outage.isPresent()) {
            storage.evictConnections();
            LOG.info("Database reachable again after {} ms; serving requests", (System.nanoTime() - downSince)
                    / 1_000_000);
            outage = Optional.empty();
        } else if (!up && outage.isEmpty()) {
            downSince = System.nanoTime();
            LOG.error("Database unreachable: requests fail fast with Retry-After {} s until it is back",
                    RETRY_AFTER_SECONDS);
            outage = Optional.of(new Outage("database", "is unreachable", RETRY_AFTER_SECONDS));
        }
    }

    @Override
    public Optional<Outage> outage() {
        return outage;
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
