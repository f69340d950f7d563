package io.opencases.application.port.contract;

import io.opencases.application.port.AuditLog;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every AuditLog adapter must do; each test works in fresh domains of its own. */
public interface AuditLogContract {

    AuditLog auditLog();

    default String newDomainId() {
        return UUID.randomUUID().toString();
    }

    private static AuditEvent event(String domainId, String caseId, int n) {
        return new AuditEvent("event-" + n + "-" + UUID.randomUUID(), domainId, caseId,
                n == 0 ? AuditEventType.CASE_CREATED : AuditEventType.CASE_UPDATED, null,
                Instant.parse("2026-01-02T03:04:05.678Z").plusSeconds(n),
                List.of(new AuditEvent.Change("summary", n == 0 ? null : new FieldValue.StringValue("v" + (n - 1)),
                        new FieldValue.StringValue("v" + n)), new AuditEvent.Change("amount", null, FieldValue.EMPTY)),
                n % 2 == 0 ? new CaseUser.UserArn("arn:aws:connect:::agent/a") : new CaseUser.CustomEntity("job"),
                "arn:aws:iam::123456789012:root");
    }

    @Test
    default void eventsComeBackInAppendOrderWithEveryDetail() {
        String domainId = newDomainId();
        var events = IntStream.range(0, 4).mapToObj(n -> event(domainId, "case-1", n)).toList();
        events.forEach(auditLog()::append);

        assertThat(auditLog().events(domainId, "case-1", 0, 10)).isEqualTo(events);
        assertThat(auditLog().events(domainId, "case-2", 0, 10)).isEmpty();
    }

    @Test
    default void aMergeEventKeepsItsMergeMetadata() {
        String domainId = newDomainId();
        var merged = new AuditEvent("event-m-" + UUID.randomUUID(), domainId, "case-1", AuditEventType.CASE_MERGED,
                null, Instant.parse("2026-01-02T03:04:05.678Z"),
                List.of(new AuditEvent.Change("summary", null, new FieldValue.StringValue("from the secondary"))),
                null, "arn:aws:iam::123456789012:root", new AuditEvent.MergeMetadata("merge-1", "case-1", "case-2"));
        var movedItem = new AuditEvent("event-i-" + UUID.randomUUID(), domainId, "case-1",
                AuditEventType.RELATED_ITEM_CREATED, "Comment", Instant.parse("2026-01-02T03:04:05.678Z"), List.of(),
                null, "arn:aws:iam::123456789012:root", new AuditEvent.MergeMetadata("merge-1", "case-1", "case-2"));
        auditLog().append(merged);
        auditLog().append(movedItem);

        assertThat(auditLog().events(domainId, "case-1", 0, 10)).containsExactly(merged, movedItem);
    }

    @Test
    default void skipAndLimitPage() {
        String domainId = newDomainId();
        var events = IntStream.range(0, 5).mapToObj(n -> event(domainId, "case-1", n)).toList();
        events.forEach(auditLog()::append);

        assertThat(auditLog().events(domainId, "case-1", 1, 2)).isEqualTo(events.subList(1, 3));
        assertThat(auditLog().events(domainId, "case-1", 4, 2)).isEqualTo(events.subList(4, 5));
        assertThat(auditLog().events(domainId, "case-1", 5, 2)).isEmpty();
    }

    @Test
    default void deleteCaseDropsOnlyThatCasesHistory() {
        String domainId = newDomainId();
        auditLog().append(event(domainId, "case-1", 0));
        AuditEvent kept = event(domainId, "case-2", 0);
        auditLog().append(kept);

        auditLog().deleteCase(domainId, "case-1");

        assertThat(auditLog().events(domainId, "case-1", 0, 10)).isEmpty();
        assertThat(auditLog().events(domainId, "case-2", 0, 10)).containsExactly(kept);
    }

    @Test
    default void deleteAllInDomainLeavesOtherDomainsAlone() {
        String domainId = newDomainId();
        String otherDomainId = newDomainId();
        auditLog().append(event(domainId, "case-1", 0));
        AuditEvent kept = event(otherDomainId, "case-1", 0);
        auditLog().append(kept);

        auditLog().deleteAllInDomain(domainId);

        assertThat(auditLog().events(domainId, "case-1", 0, 10)).isEmpty();
        assertThat(auditLog().events(otherDomainId, "case-1", 0, 10)).containsExactly(kept);
    }
}
