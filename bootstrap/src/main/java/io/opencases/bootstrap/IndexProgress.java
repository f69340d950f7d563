package io.opencases.bootstrap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.UnitOfWork;
import io.opencases.application.search.CaseIndexMaintenance;
import io.opencases.lucene.LuceneCaseIndex;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far this instance's search index is behind the store's change feed, and whether it is being rebuilt: measured
 * by the follower loop after each pass (so a scrape or a readiness check never queries the store itself).
 * The lag in seconds is how long the index has had changes to catch up on: 0 while it is caught up.
 */
final class IndexProgress {
    private final CaseChangeFeed feed;
    private final UnitOfWork unitOfWork;
    private final CaseIndexMaintenance maintenance;
    private final LuceneCaseIndex index;
    private final AtomicLong lagChanges = new AtomicLong();
    /** When the follower was last seen caught up with the feed's head (nanoTime). */
    private volatile long caughtUpAt = System.nanoTime();
    private volatile boolean rebuilding;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong passNanos = new AtomicLong();

    IndexProgress(CaseChangeFeed feed, UnitOfWork unitOfWork, CaseIndexMaintenance maintenance,
                  LuceneCaseIndex index) {
        this.feed = feed;
        this.unitOfWork = unitOfWork;
        this.maintenance = maintenance;
        this.index = index;
    }

    /** After a follower pass that took {@code took}: reads the feed's head and records the lag. */
    void passed(Duration took) {
        passes.incrementAndGet();
        passNanos.addAndGet(took.toNanos());
        long head = unitOfWork.read(feed::head);
        long lag = Math.max(0, head - maintenance.position());
        lagChanges.set(lag);
        if (lag == 0) {
            caughtUpAt = System.nanoTime();
        }
    }

    /** Runs a rebuild, marking the index not ready meanwhile. */
    <T> T rebuilding(java.util.function.Supplier<T> rebuild) {
        rebuilding = true;
        try {
            return rebuild.get();
        } finally {
            rebuilding = false;
        }
    }

    boolean isRebuilding() {
        return rebuilding;
    }

    double lagSeconds() {
        return lagChanges.get() == 0 ? 0 : (System.nanoTime() - caughtUpAt) / 1e9;
    }

    void bindTo(MeterRegistry registry) {
        Gauge.builder("opencases.index.documents", index, LuceneCaseIndex::documentCount)
                .description("Cases in this instance's search index").register(registry);
        Gauge.builder("opencases.index.lag.changes", lagChanges, AtomicLong::get)
                .description("Changes in the store's change feed the search index has not applied yet")
                .register(registry);
        Gauge.builder("opencases.index.lag", this, IndexProgress::lagSeconds).baseUnit("seconds")
                .description("How long the search index has been behind the change feed (0 when caught up)")
                .register(registry);
        Gauge.builder("opencases.index.rebuilding", this, p -> p.rebuilding ? 1 : 0)
                .description("1 while the search index is being rebuilt from the store").register(registry);
        FunctionTimer.builder("opencases.index.refresh", index, LuceneCaseIndex::refreshCount,
                        LuceneCaseIndex::refreshNanos, TimeUnit.NANOSECONDS)
                .description("Index refreshes that made new writes visible to searches, and their time")
                .register(registry);
        FunctionTimer.builder("opencases.index.follow", this, p -> p.passes.get(), p -> p.passNanos.get(),
                        TimeUnit.NANOSECONDS)
                .description("Passes of the follower applying the change feed to the index, and their time")
                .register(registry);
    }
}
