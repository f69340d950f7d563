package io.opencases.bootstrap;

import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.UnitOfWork;
import io.opencases.application.reset.ResetService;
import io.opencases.rest.ops.TestControl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The test control plane's operations on this server: reset through the use case, the controllable clock, events. */
final class ServerTestControl implements TestControl {
    private final ResetService reset;
    private final ControllableClock clock;
    private final CaseEventOutbox outbox;
    private final UnitOfWork unitOfWork;
    private final OutboxActivity activity;

    ServerTestControl(ResetService reset, ControllableClock clock, CaseEventOutbox outbox, UnitOfWork unitOfWork,
                      OutboxActivity activity) {
        this.reset = reset;
        this.clock = clock;
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
        this.activity = activity;
    }

    @Override
    public List<String> resetAccount(String accountId) {
        List<String> erased = reset.resetAccount(accountId);
        activity.forget(new HashSet<>(erased));
        return erased;
    }

    @Override
    public List<String> resetAll() {
        List<String> erased = reset.resetAll();
        activity.forget(null);
        return erased;
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    @Override
    public Duration clockOffset() {
        return clock.offset();
    }

    @Override
    public void setClock(Instant time) {
        clock.set(time);
    }

    @Override
    public void advanceClock(Duration by) {
        clock.advance(by);
    }

    @Override
    public void resetClock() {
        clock.reset();
    }

    @Override
    public List<EventRecord> events(String accountId) {
        var records = new ArrayList<EventRecord>();
        for (OutboxActivity.Delivered d : activity.delivered()) {
            if (accountId.equals(d.event().accountId())) {
                records.add(new EventRecord("delivered", d.event(), 0, null, d.deliveredAt(), null));
            }
        }
        for (CaseEventOutbox.Entry e : unitOfWork.read(() -> outbox.pending(OutboxActivity.PENDING_COUNT_LIMIT))) {
            if (accountId.equals(e.event().accountId())) {
                records.add(new EventRecord(e.attempts() > 0 ? "retrying" : "pending", e.event(), e.attempts(),
                        e.nextAttemptAt(), null, null));
            }
        }
        for (CaseEventOutbox.DeadLetter d : unitOfWork.read(outbox::deadLetters)) {
            if (accountId.equals(d.event().accountId())) {
                records.add(new EventRecord("dead", d.event(), d.attempts(), null, null, d.lastError()));
            }
        }
        return records;
    }
}
