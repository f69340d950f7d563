package io.opencases.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.CaseEventPublisher;
import io.opencases.application.port.Clock;
import io.opencases.application.port.UnitOfWork;
import io.opencases.domain.event.CaseEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the case event outbox is doing, seen from the publisher it delivers through: deliveries (and their latency
 * from the change to the delivery), failed attempts that will be retried, dead letters; the pending count, read by
 * the delivery loop now and then; and the last events this instance delivered, for the test control plane (the
 * outbox deletes an event once delivered).
 */
final class OutboxActivity {
    /** Delivered events kept for the test control plane. */
    static final int DELIVERED_KEPT = 1_000;
    /** The pending gauge counts up to this many (reading more would cost the delivery loop too much). */
    static final int PENDING_COUNT_LIMIT = 10_000;

    /** A delivered event and when it went out. */
    record Delivered(CaseEvent event, Instant deliveredAt) {
    }

    private final Clock clock;
    private final ArrayDeque<Delivered> delivered = new ArrayDeque<>();
    private final AtomicLong pending = new AtomicLong();
    private volatile Counter deliveries;
    private volatile Counter failures;
    private volatile Counter deadLetters;
    private volatile Timer latency;

    OutboxActivity(Clock clock) {
        this.clock = clock;
    }

    void bindTo(MeterRegistry registry) {
        deliveries = Counter.builder("opencases.events.delivered").description("Case events delivered")
                .register(registry);
        failures = Counter.builder("opencases.events.retries")
                .description("Failed delivery attempts (each is retried later, or dead-lettered after the last)")
                .register(registry);
        deadLetters = Counter.builder("opencases.events.dead.letters")
                .description("Case events given up on after the last attempt").register(registry);
        latency = Timer.builder("opencases.events.delivery.latency")
                .description("From the change to the event's delivery")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1))
                .register(registry);
        Gauge.builder("opencases.events.pending", pending, AtomicLong::get)
                .description("Case events in the outbox waiting for delivery or a retry (counted up to "
                        + PENDING_COUNT_LIMIT + ")").register(registry);
    }

    /** {@code publisher}, counting each attempt's outcome and remembering what went out. */
    CaseEventPublisher observe(CaseEventPublisher publisher) {
        return event -> {
            try {
                publisher.publish(event);
            } catch (Exception e) {
                increment(failures);
                throw e;
            }
            Instant now = clock.now();
            increment(deliveries);
            Timer timer = latency;
            if (timer != null) {
                timer.record(Duration.between(event.time(), now).isNegative() ? Duration.ZERO
                        : Duration.between(event.time(), now));
            }
            synchronized (delivered) {
                delivered.addLast(new Delivered(event, now));
                while (delivered.size() > DELIVERED_KEPT) {
                    delivered.removeFirst();
                }
            }
        };
    }

    void deadLettered() {
        increment(deadLetters);
    }

    /** Counts the pending events (the delivery loop calls this every few seconds). */
    void countPending(CaseEventOutbox outbox, UnitOfWork unitOfWork) {
        pending.set(unitOfWork.read(() -> outbox.pending(PENDING_COUNT_LIMIT).size()));
    }

    long pending() {
        return pending.get();
    }

    /** The events this instance delivered, oldest first (at most {@link #DELIVERED_KEPT}). */
    List<Delivered> delivered() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    /** Forgets what was delivered of the given domains (all when null): the test control plane reset them. */
    void forget(java.util.Set<String> domainIds) {
        synchronized (delivered) {
            delivered.removeIf(d -> domainIds == null || domainIds.contains(d.event().domainId()));
        }
    }

    private static void increment(Counter counter) {
        if (counter != null) {
            counter.increment();
        }
    }
}
