package io.opencases.application.port.contract;

import io.opencases.application.port.CaseEventOutbox;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.event.CaseEvent;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.RelatedItemContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every CaseEventOutbox adapter must do. Each test uses events of its own fresh domain. */
public interface CaseEventOutboxContract {

    /** A fresh, empty outbox: the pending list is global, so tests need their own. */
    CaseEventOutbox newOutbox();

    Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    private static CaseEvent event(String caseId, String type) {
        String domainId = UUID.randomUUID().toString();
        return new CaseEvent(UUID.randomUUID().toString(), "123456789012", "us-east-1", domainId, caseId, type, T0,
                List.of("arn:domain", "arn:case"), List.of("status"), List.of("comment.body"),
                new CaseUser.UserArn("arn:aws:connect:::agent/a"), "arn:aws:iam::123456789012:root",
                new CaseEvent.CaseSnapshot(caseId, "template-1", T0, Map.of("status",
                        new FieldValue.StringValue("open"))),
                new CaseEvent.RelatedItemSnapshot("Comment", "item-1", caseId, T0,
                        new RelatedItemContent.Comment("hi", "Text/Plain")));
    }

    @Test
    default void appendedEventsArePendingInOrderWithEveryDetail() {
        CaseEventOutbox outbox = newOutbox();
        CaseEvent first = event("case-1", CaseEvent.CASE_CREATED);
        CaseEvent second = event("case-1", CaseEvent.CASE_UPDATED);
        outbox.append(first);
        outbox.append(second);

        var pending = outbox.pending(10);

        assertThat(pending).extracting(CaseEventOutbox.Entry::event).containsExactly(first, second);
        assertThat(pending.get(0).sequence()).isLessThan(pending.get(1).sequence());
        assertThat(pending).allSatisfy(e -> {
            assertThat(e.attempts()).isZero();
            assertThat(e.nextAttemptAt()).isNull();
        });
        assertThat(outbox.pending(1)).hasSize(1);
    }

    @Test
    default void deliveredEventsLeaveThePendingList() {
        CaseEventOutbox outbox = newOutbox();
        outbox.append(event("case-1", CaseEvent.CASE_CREATED));
        CaseEvent kept = event("case-1", CaseEvent.CASE_UPDATED);
        outbox.append(kept);

        outbox.markDelivered(outbox.pending(10).get(0).sequence());

        assertThat(outbox.pending(10)).extracting(CaseEventOutbox.Entry::event).containsExactly(kept);
    }

    @Test
    default void failuresAreRecordedAndDeadLettersKept() {
        CaseEventOutbox outbox = newOutbox();
        CaseEvent event = event("case-1", CaseEvent.CASE_CREATED);
        outbox.append(event);
        long sequence = outbox.pending(10).get(0).sequence();

        outbox.recordFailure(sequence, 2, T0.plusSeconds(4));
        assertThat(outbox.pending(10)).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.nextAttemptAt()).isEqualTo(T0.plusSeconds(4));
        });

        outbox.markDead(sequence, 3, "receiver said 500");
        assertThat(outbox.pending(10)).isEmpty();
        assertThat(outbox.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.event()).isEqualTo(event);
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).isEqualTo("receiver said 500");
        });
    }

    @Test
    default void discardingADomainDropsItsPendingAndDeadEventsOnly() {
        CaseEventOutbox outbox = newOutbox();
        CaseEvent pendingGone = event("case-1", CaseEvent.CASE_CREATED);
        outbox.append(pendingGone);
        long deadSequence = outbox.pending(10).get(0).sequence();
        outbox.markDead(deadSequence, 3, "gone");
        CaseEvent sameDomain = new CaseEvent(UUID.randomUUID().toString(), pendingGone.accountId(),
                pendingGone.region(), pendingGone.domainId(), "case-2", CaseEvent.CASE_UPDATED, T0,
                pendingGone.resources(), List.of(), List.of(), pendingGone.user(), pendingGone.iamPrincipalArn(),
                null, null);
        outbox.append(sameDomain);
        CaseEvent kept = event("case-1", CaseEvent.CASE_CREATED);
        outbox.append(kept);

        outbox.discardDomain(pendingGone.domainId());

        assertThat(outbox.pending(10)).extracting(CaseEventOutbox.Entry::event).containsExactly(kept);
        assertThat(outbox.deadLetters()).extracting(CaseEventOutbox.DeadLetter::event)
                .noneMatch(e -> e.domainId().equals(pendingGone.domainId()));
    }
}
