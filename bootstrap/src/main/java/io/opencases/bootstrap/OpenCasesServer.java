package io.opencases.bootstrap;

import io.opencases.application.merge.MergeJobRunner;
import io.opencases.application.event.CaseEventDispatcher;
import io.opencases.application.search.CaseIndexMaintenance;
import io.opencases.application.search.CaseIndexer;
import io.opencases.rest.RestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running OpenCases: the HTTP listener plus two background loops, one delivering case events and one keeping the
 * search index in step with the store's change feed; and the resources (storage, index, embedded database) it
 * closes when it stops.
 */
public final class OpenCasesServer {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCasesServer.class);
    private static final long DELIVERY_INTERVAL_MILLIS = 100;
    private static final long FOLLOW_INTERVAL_MILLIS = 100;
    private static final long MERGE_INTERVAL_MILLIS = 100;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

    private final RestServer rest;
    private final CaseEventDispatcher dispatcher;
    private final CaseIndexMaintenance maintenance;
    private final ServerConfig config;
    private final Observability observability;
    private Instant lastPendingCount = Instant.EPOCH;
    private static final Duration PENDING_COUNT_INTERVAL = Duration.ofSeconds(5);
    /** Closed in this order on stop: the index and storage first, the embedded database last. */
    private final List<AutoCloseable> resources;
    private final CaseIndexer indexer;
    private final ScheduledExecutorService delivery = daemonThread("opencases-event-delivery");
    private final ScheduledExecutorService indexing = daemonThread("opencases-index-follower");
    private final MergeJobRunner mergeJobs;
    private final io.opencases.application.casesdomain.DomainConfigurations configurations;
    private final ScheduledExecutorService merging = daemonThread("opencases-merge-jobs");
    private Instant lastCheckpoint = Instant.now();
    private Instant lastPrune = Instant.now();

    OpenCasesServer(ServerComponent component, List<AutoCloseable> resources) {
        this.rest = component.server();
        this.dispatcher = component.eventDispatcher();
        this.maintenance = component.indexMaintenance();
        this.config = component.config();
        this.mergeJobs = component.mergeJobRunner();
        this.configurations = component.domainConfigurations();
        this.observability = component.observability();
        this.indexer = component.caseIndexer();
        this.resources = List.copyOf(resources);
    }

    void start() {
        // The index must agree with the store before the first search is answered.
        if (config.database().rebuildIndex()) {
            long began = System.nanoTime();
            long cases = observability.index().rebuilding(maintenance::rebuild);
            LOG.info("Search index rebuilt on request: {} cases in {} ms", cases,
                    (System.nanoTime() - began) / 1_000_000);
        } else {
            var outcome = observability.index().rebuilding(maintenance::start);
            if (outcome.rebuilt()) {
                LOG.info("Search index rebuilt from the store: {} cases in {} ms", outcome.cases(),
                        outcome.took().toMillis());
            } else {
                LOG.info("Search index caught up from its checkpoint: {} changes in {} ms", outcome.changesApplied(),
                        outcome.took().toMillis());
            }
        }
        observability.database().ifPresent(DatabaseMonitor::start);
        rest.start();
        delivery.scheduleWithFixedDelay(this::deliver, DELIVERY_INTERVAL_MILLIS, DELIVERY_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
        indexing.scheduleWithFixedDelay(this::followChanges, FOLLOW_INTERVAL_MILLIS, FOLLOW_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
        // The first pass runs at once: merges a crash interrupted finish after the restart.
        merging.scheduleWithFixedDelay(this::runMerges, 0, MERGE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void runMerges() {
        if (databaseDown()) {
            return;
        }
        try {
            mergeJobs.runPending();
        } catch (RuntimeException e) {
            // A merge that failed stays IN_PROGRESS and durable; the next pass tries it again.
            LOG.error("Merge job pass failed", e);
        }
    }

    /** The merge job runner, for tests that hold merges in progress. */
    public MergeJobRunner mergeJobs() {
        return mergeJobs;
    }

    /** This instance's cached domain configurations, for tests of how configuration changes reach it. */
    public io.opencases.application.casesdomain.DomainConfigurations domainConfigurations() {
        return configurations;
    }

    /** While the database monitor reports an outage the loops wait instead of failing (and logging) every pass. */
    private boolean databaseDown() {
        return observability.database().flatMap(DatabaseMonitor::outage).isPresent();
    }

    private void deliver() {
        if (databaseDown()) {
            return;
        }
        try {
            dispatcher.dispatch();
            Instant now = Instant.now();
            if (now.isAfter(lastPendingCount.plus(PENDING_COUNT_INTERVAL))) {
                lastPendingCount = now;
                observability.countPendingEvents();
            }
        } catch (RuntimeException e) {
            // The loop must survive anything: events stay in the outbox and the next pass tries again.
            LOG.error("Case event delivery pass failed", e);
        }
    }

    private void followChanges() {
        if (databaseDown()) {
            return;
        }
        try {
            long began = System.nanoTime();
            maintenance.follow();
            observability.index().passed(Duration.ofNanos(System.nanoTime() - began));
            Instant now = Instant.now();
            if (now.isAfter(lastCheckpoint.plus(CHECKPOINT_INTERVAL))) {
                maintenance.checkpoint();
                lastCheckpoint = now;
            }
            if (now.isAfter(lastPrune.plus(PRUNE_INTERVAL))) {
                maintenance.prune(feedRetention());
                lastPrune = now;
            }
        } catch (RuntimeException e) {
            // Changes stay in the feed; the next pass applies them.
            LOG.error("Search index follower pass failed", e);
        }
    }

    /**
     * How long the change feed keeps changes: an instance (or index) that falls further behind rebuilds at start.
     * Memory storage has one instance whose index never outlives it, so it needs only the look-back window.
     */
    private Duration feedRetention() {
        return config.storage() == ServerConfig.Storage.MEMORY ? Duration.ofSeconds(60) : Duration.ofHours(24);
    }

    private static ScheduledExecutorService daemonThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** API requests received and not answered yet. */
    public int inFlight() {
        return rest.inFlight();
    }

    public int port() {
        return rest.port();
    }

    /** The JDBC URL of the database the server stores in (the embedded one's, once started); null in memory. */
    public String jdbcUrl() {
        return config.database().jdbcUrl();
    }

    /**
     * Drains in-flight requests, makes one last delivery pass and index checkpoint, then closes storage. Safe to
     * call twice (SIGTERM and the shutdown hook).
     */
    public synchronized void stop(long graceMillis) {
        if (delivery.isShutdown()) {
            return;
        }
        LOG.info("Stopping: {} API requests in flight (waiting up to {} ms for them); {}", rest.inFlight(),
                graceMillis, observability.outboxSummary());
        rest.stop(graceMillis);
        merging.shutdown();
        if (rest.inFlight() > 0) {
            LOG.warn("{} API requests were still in flight after {} ms; their connections are closed unanswered "
                    + "(a write that committed stays committed)", rest.inFlight(), graceMillis);
        }
        delivery.shutdown();
        indexing.shutdown();
        try {
            merging.awaitTermination(graceMillis, TimeUnit.MILLISECONDS);
            delivery.awaitTermination(graceMillis, TimeUnit.MILLISECONDS);
            indexing.awaitTermination(graceMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliver();
        String lastOutbox = observability.outboxSummary();
        try {
            maintenance.follow();
            maintenance.checkpoint();
        } catch (RuntimeException e) {
            LOG.warn("Final search index checkpoint failed; the index catches up or rebuilds at next start", e);
        }
        // Its thread would otherwise outlive the index it writes to (and, in one JVM, every server stopped in it).
        indexer.close();
        // Stop watching the database before it is closed, so its going away is not reported as an outage.
        observability.database().ifPresent(DatabaseMonitor::close);
        var failures = new ArrayList<Exception>();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        failures.forEach(e -> LOG.warn("Closing a resource failed", e));
        LOG.info("Stopped; {}", lastOutbox);
    }
}
