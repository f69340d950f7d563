package io.opencases.memory.service;

import io.opencases.application.event.CaseEventDispatcher;
import io.opencases.application.event.DeliveryPolicy;
import io.opencases.domain.event.CaseEvent;
import io.opencases.memory.MemoryCaseEventOutbox;
import io.opencases.memory.MemoryUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Ordered, at-least-once delivery with backoff and dead letters, driven by an injected clock. */
class CaseEventDispatcherTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final MemoryCaseEventOutbox outbox = new MemoryCaseEventOutbox();
    private final List<String> delivered = new ArrayList<>();
    private final Set<String> failingCases = new HashSet<>();
    private final CaseEventDispatcher dispatcher = new CaseEventDispatcher(outbox, event -> {
        if (failingCases.contains(event.caseId())) {
            throw new IllegalStateException("receiver down for " + event.caseId());
        }
        delivered.add(event.caseId() + ":" + event.eventType());
    }, new MemoryUnitOfWork(), now::get, new DeliveryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10)),
            dead -> this.deadLetters.add(dead));
    private final List<io.opencases.application.port.CaseEventOutbox.DeadLetter> deadLetters = new ArrayList<>();

    private void append(String caseId, String type) {
        outbox.append(new CaseEvent(caseId + type, "123456789012", "us-east-1", "d", caseId, type, now.get(),
                List.of(), List.of(), List.of(), null, "p", null, null));
    }

    @Test
    void deliversEverythingInAppendOrder() {
        append("a", CaseEvent.CASE_CREATED);
        append("b", CaseEvent.CASE_CREATED);
        append("a", CaseEvent.CASE_UPDATED);

        assertThat(dispatcher.dispatch()).isEqualTo(3);
        assertThat(delivered).containsExactly("a:CASE.CREATED", "b:CASE.CREATED", "a:CASE.UPDATED");
        assertThat(outbox.pending(10)).isEmpty();
    }

    @Test
    void aFailingCaseWaitsWithItsLaterEventsWhileOthersFlow() {
        append("a", CaseEvent.CASE_CREATED);
        append("a", CaseEvent.CASE_UPDATED);
        append("b", CaseEvent.CASE_CREATED);
        failingCases.add("a");

        dispatcher.dispatch();
        assertThat(delivered).containsExactly("b:CASE.CREATED");

        failingCases.clear();
        dispatcher.dispatch();
        assertThat(delivered).as("backoff not over yet").containsExactly("b:CASE.CREATED");

        now.set(now.get().plusSeconds(1));
        dispatcher.dispatch();
        assertThat(delivered).containsExactly("b:CASE.CREATED", "a:CASE.CREATED", "a:CASE.UPDATED");
    }

    @Test
    void backoffDoublesAndTheLastAttemptMakesADeadLetter() {
        append("a", CaseEvent.CASE_CREATED);
        append("a", CaseEvent.CASE_UPDATED);
        failingCases.add("a");

        dispatcher.dispatch();
        assertThat(outbox.pending(10).get(0).nextAttemptAt()).isEqualTo(now.get().plusSeconds(1));
        now.set(now.get().plusSeconds(1));
        dispatcher.dispatch();
        assertThat(outbox.pending(10).get(0).nextAttemptAt()).isEqualTo(now.get().plusSeconds(2));
        now.set(now.get().plusSeconds(2));
        // Third failure reaches maxAttempts: the event is dead and the case's next event goes on.
        dispatcher.dispatch();
        assertThat(deadLetters).as("the listener hears of it").hasSize(1);
        assertThat(outbox.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.event().eventType()).isEqualTo(CaseEvent.CASE_CREATED);
            assertThat(d.attempts()).isEqualTo(3);
        });
        failingCases.clear();
        now.set(now.get().plusSeconds(10));
        dispatcher.dispatch();
        assertThat(delivered).containsExactly("a:CASE.UPDATED");
    }

    @Test
    void backoffIsCappedByThePolicy() {
        var policy = new DeliveryPolicy(20, Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoffAfter(12)).isEqualTo(Duration.ofSeconds(10));
    }
}
