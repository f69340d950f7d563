package io.opencases.application.event;

import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.CaseEventPublisher;
import io.opencases.application.port.Clock;
import io.opencases.application.port.UnitOfWork;

import java.util.HashSet;
import java.util.function.Consumer;

/**
 * Delivers the outbox: oldest first, at least once, and in order per case — while an event of a case waits for a
 * retry, the later events of that case wait too. After the last attempt an event becomes a dead letter and the
 * case's later events go on.
 */
public final class CaseEventDispatcher {
    private static final int BATCH = 500;

    private final CaseEventOutbox outbox;
    private final CaseEventPublisher publisher;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final Consumer<CaseEventOutbox.DeadLetter> onDeadLetter;

    /** {@code onDeadLetter} hears of every event given up on (the server logs it for operators). */
    public CaseEventDispatcher(CaseEventOutbox outbox, CaseEventPublisher publisher, UnitOfWork unitOfWork,
                               Clock clock, DeliveryPolicy policy, Consumer<CaseEventOutbox.DeadLetter> onDeadLetter) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.policy = policy;
        this.onDeadLetter = onDeadLetter;
    }

    /** One pass over the due events; returns how many were delivered. Not for concurrent use. */
    public int dispatch() {
        if (!outbox.acquireDeliveryLease()) {
            // Another instance on the same store delivers; this one stands by in case it stops.
            return 0;
        }
        var pending = unitOfWork.read(() -> outbox.pending(BATCH));
        var blockedCases = new HashSet<String>();
        int delivered = 0;
        for (CaseEventOutbox.Entry entry : pending) {
            String caseKey = entry.event().domainId() + "/" + entry.event().caseId();
            if (blockedCases.contains(caseKey)) {
                continue;
            }
            if (entry.nextAttemptAt() != null && entry.nextAttemptAt().isAfter(clock.now())) {
                blockedCases.add(caseKey);
                continue;
            }
            try {
                publisher.publish(entry.event());
                unitOfWork.write(() -> outbox.markDelivered(entry.sequence()));
                delivered++;
            } catch (Exception e) {
                int attempts = entry.attempts() + 1;
                if (attempts >= policy.maxAttempts()) {
                    unitOfWork.write(() -> outbox.markDead(entry.sequence(), attempts, String.valueOf(e)));
                    onDeadLetter.accept(new CaseEventOutbox.DeadLetter(entry.sequence(), entry.event(), attempts,
                            String.valueOf(e)));
                } else {
                    unitOfWork.write(() -> outbox.recordFailure(entry.sequence(), attempts,
                            clock.now().plus(policy.backoffAfter(attempts))));
                    blockedCases.add(caseKey);
                }
            }
        }
        return delivered;
    }
}
