package io.opencases.bootstrap;

import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the server knows about its own state, for metrics, readiness, the shutdown report and the test control
 * plane: the metrics registry, the index follower's progress, the outbox's activity, and the database monitor
 * (absent on memory storage).
 */
final class Observability {
    private final ServerMetrics metrics;
    private final IndexProgress index;
    private final OutboxActivity outbox;
    private final Optional<DatabaseMonitor> database;
    private final CaseEventOutbox outboxPort;
    private final UnitOfWork unitOfWork;

    Observability(ServerMetrics metrics, IndexProgress index, OutboxActivity outbox,
                  Optional<DatabaseMonitor> database, CaseEventOutbox outboxPort, UnitOfWork unitOfWork) {
        this.metrics = metrics;
        this.index = index;
        this.outbox = outbox;
        this.database = database;
        this.outboxPort = outboxPort;
        this.unitOfWork = unitOfWork;
    }

    ServerMetrics metrics() {
        return metrics;
    }

    IndexProgress index() {
        return index;
    }

    OutboxActivity outbox() {
        return outbox;
    }

    Optional<DatabaseMonitor> database() {
        return database;
    }

    /** The parts that do not work now, each with why; empty when the server is ready. */
    Map<String, String> failing() {
        var failing = new LinkedHashMap<String, String>();
        database.flatMap(DatabaseMonitor::outage).ifPresent(o -> failing.put(o.part(), o.part() + " " + o.reason()));
        if (index.isRebuilding()) {
            failing.put("index", "search index is being rebuilt from the store");
        }
        return failing;
    }

    /** Re-counts the outbox's pending events; a failure (the database is down) keeps the last count. */
    void countPendingEvents() {
        if (database.flatMap(DatabaseMonitor::outage).isPresent()) {
            return;
        }
        outbox.countPending(outboxPort, unitOfWork);
    }

    /** The outbox in a sentence, for the shutdown report. */
    String outboxSummary() {
        try {
            var pending = unitOfWork.read(() -> outboxPort.pending(OutboxActivity.PENDING_COUNT_LIMIT));
            long retrying = pending.stream().filter(e -> e.attempts() > 0).count();
            int dead = unitOfWork.read(outboxPort::deadLetters).size();
            return pending.size() + " case events pending (" + retrying + " retrying), " + dead + " dead letters, "
                    + outbox.delivered().size() + " delivered by this instance since start";
        } catch (RuntimeException e) {
            return "outbox state unknown (" + e + ")";
        }
    }
}
