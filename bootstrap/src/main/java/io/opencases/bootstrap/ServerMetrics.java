package io.opencases.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opencases.rest.ops.RequestContext;
import io.opencases.rest.ops.RequestObserver;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's metrics in one Micrometer registry, exposed in Prometheus text at {@code GET /metrics}: API requests
 * (by operation and outcome, latency by operation, in flight), SQL statements by operation, and whatever the
 * storage, index and outbox bind; plus the JVM and the process. With {@code --metrics false} there is no registry
 * and nothing is measured.
 */
final class ServerMetrics implements AutoCloseable {
    /** Latency buckets: from a cached read to a slow write under load. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry;
    /** Binders holding JVM listeners, released on close. */
    private final java.util.List<AutoCloseable> closeables = new java.util.ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Timer> latencies = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> statements = new ConcurrentHashMap<>();

    private ServerMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    static ServerMetrics off() {
        return new ServerMetrics(null);
    }

    static ServerMetrics on(Collection<MeterBinder> binders) {
        var metrics = new ServerMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        MeterRegistry registry = metrics.registry;
        var gc = new JvmGcMetrics();
        metrics.closeables.add(gc);
        for (MeterBinder jvm : new MeterBinder[]{new JvmMemoryMetrics(), gc, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics()}) {
            jvm.bindTo(registry);
        }
        registry.gauge("opencases.requests.inflight", metrics.inFlight);
        binders.forEach(binder -> binder.bindTo(registry));
        return metrics;
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Only listeners to unregister.
            }
        }
        if (registry != null) {
            registry.close();
        }
    }

    boolean enabled() {
        return registry != null;
    }

    /** The registry, when metrics are on. */
    Optional<MeterRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry == null ? "" : registry.scrape();
    }

    /** Counts API requests by operation and outcome, their latency by operation, and those in flight. */
    RequestObserver requestObserver() {
        if (registry == null) {
            return RequestObserver.NONE;
        }
        return new RequestObserver() {
            @Override
            public void started() {
                inFlight.incrementAndGet();
            }

            @Override
            public void completed(ServedRequest request) {
                inFlight.decrementAndGet();
                String operation = request.operationLabel();
                String outcome = request.outcome();
                requests.computeIfAbsent(operation + '\n' + outcome, key -> Counter.builder("opencases.requests")
                        .description("API requests answered, by operation and outcome (Success or the error type)")
                        .tag("operation", operation).tag("outcome", outcome).register(registry)).increment();
                latencies.computeIfAbsent(operation, key -> Timer.builder("opencases.request.duration")
                        .description("Time from a request's arrival to the end of its response, by operation")
                        .tag("operation", operation)
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry)).record(request.durationNanos(), TimeUnit.NANOSECONDS);
            }
        };
    }

    /** Counts one SQL statement against the operation being served on this thread ("background" for none). */
    void statementExecuted() {
        if (registry == null) {
            return;
        }
        String operation = RequestContext.currentOperation();
        String label = operation == null ? "background" : operation;
        statements.computeIfAbsent(label, key -> Counter.builder("opencases.db.statements")
                .description("SQL statements executed, by the API operation that ran them")
                .tag("operation", label).register(registry)).increment();
    }
}
