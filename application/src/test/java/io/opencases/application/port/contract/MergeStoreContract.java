package io.opencases.application.port.contract;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.MergeJobRepository;
import io.opencases.application.port.MergeStore;
import io.opencases.application.port.MergeStore.MergeOutcome;
import io.opencases.application.port.MergeStore.RemovedItem;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.merge.MergeJob;
import io.opencases.domain.merge.MergeStatus;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every MergeStore must do: read what the merge use cases check and plan a merge against, record a started
 * merge, and store a merge's whole outcome (both cases, the items removed with their tags and the items saved, tags
 * added, audit events, the job's completion). The repositories set up domains and look behind the store.
 */
public interface MergeStoreContract extends StoreRepositories.Seeded {
    Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    String ACCOUNT = "111111111111";
    String PRINCIPAL = "arn:aws:iam::111111111111:root";
    CaseUser JOB = new CaseUser.CustomEntity("job");

    MergeStore mergeStore();

    private static MergeJob job(String domainId, String primary, String secondary, Instant started) {
        return new MergeJob(ACCOUNT, domainId, UUID.randomUUID().toString(), primary, secondary, List.of(),
                List.of(RelatedItemType.Comment, RelatedItemType.Contact), MergeStatus.IN_PROGRESS, PRINCIPAL,
                started, null);
    }

    private static RelatedItem item(String domainId, String caseId, String id, Instant at,
                                    RelatedItemContent content) {
        return new RelatedItem(domainId, caseId, id, content, at, JOB, JOB);
    }

    private static RelatedItem contact(String domainId, String caseId, String id, String contactArn) {
        return item(domainId, caseId, id, T0,
                new RelatedItemContent.Contact(contactArn, RelatedItemContent.Contact.UNKNOWN_CHANNEL, T0));
    }

    private static String arn(String domainId, String caseId, String itemId) {
        return "arn:aws:cases:us-east-1:" + ACCOUNT + ":domain/" + domainId + "/case/" + caseId + "/related-item/"
                + itemId;
    }

    private static AuditEvent audit(MergeJob job, String caseId, AuditEventType type) {
        return new AuditEvent(UUID.randomUUID().toString(), job.domainId(), caseId, type, null, T0, List.of(), null,
                PRINCIPAL, new AuditEvent.MergeMetadata(job.mergeId(), job.primaryCaseId(), job.secondaryCaseId()));
    }

    @Test
    default void readsTheDomainInItsAccountTheCasesTheirItemsFieldsAndTags() {
        String domainId = newDomain(ACCOUNT, T0);
        Case aCase = newCase(domainId, "case-1", T0);
        var later = item(domainId, "case-1", "a", T0.plusSeconds(5), new RelatedItemContent.Comment("b", "Text/Plain"));
        var earlier = contact(domainId, "case-1", "z", "arn:contact");
        repositories().relatedItems().save(later);
        repositories().relatedItems().save(earlier);
        repositories().fields().save(Field.custom(domainId, "tier", "Tier", null, FieldType.Text, null, T0));
        repositories().fields().save(Field.custom(domainId, "gone", "Gone", null, FieldType.Text, null, T0).delete(T0));
        repositories().tags().put(arn(domainId, "case-1", "a"), Map.of("team", "blue"));
        var store = mergeStore();

        assertThat(store.domain(ACCOUNT, domainId)).hasValueSatisfying(d -> assertThat(d.domainId())
                .isEqualTo(domainId));
        assertThat(store.domain("222222222222", domainId)).isEmpty();
        assertThat(store.findCase(domainId, "case-1")).contains(aCase);
        assertThat(store.findCase(domainId, "case-9")).isEmpty();
        assertThat(store.items(domainId, "case-1")).containsExactly(earlier, later);
        assertThat(store.items(domainId, "case-9")).isEmpty();
        assertThat(store.fields(domainId, List.of("tier", "gone", "missing"))).extracting(Field::fieldId)
                .containsExactlyInAnyOrder("tier", "gone");
        assertThat(store.tags(arn(domainId, "case-1", "a"))).isEqualTo(Map.of("team", "blue"));
        assertThat(store.tags(arn(domainId, "case-1", "z"))).isEmpty();
    }

    @Test
    default void aStartedMergeGuardsBothCasesAndIsListedAsRunning() {
        String domainId = newDomain(ACCOUNT, T0);
        // Before anything other tests leave running (they start in 2000 or later), so it is listed first.
        MergeJob job = job(domainId, "p", "s", Instant.parse("1990-01-01T00:00:00Z"));

        mergeStore().start(job);

        assertThat(mergeStore().job(domainId, job.mergeId())).contains(job);
        assertThat(mergeStore().job(domainId, "other")).isEmpty();
        assertThat(mergeStore().runningFor(domainId, "p")).contains(job);
        assertThat(mergeStore().runningFor(domainId, "s")).contains(job);
        assertThat(mergeStore().runningFor(domainId, "x")).isEmpty();
        assertThat(mergeStore().mergedAway(domainId, "s")).contains(job);
        assertThat(mergeStore().mergedAway(domainId, "p")).isEmpty();
        assertThat(mergeStore().running(1)).containsExactly(job);

        // Completed, so it no longer stands first among the running merges of the tests that follow.
        mergeStore().store(MergeOutcome.nothingLeft(job.completed(T0)));

        assertThat(mergeStore().running(1)).doesNotContain(job);
        assertThat(mergeStore().runningFor(domainId, "p")).isEmpty();
    }

    @Test
    default void aMergeOutcomeIsStoredWhole() {
        String domainId = newDomain(ACCOUNT, T0);
        Case primary = newCase(domainId, "primary", T0);
        Case secondary = newCase(domainId, "secondary", T0);
        MergeJob job = job(domainId, "primary", "secondary", T0);
        repositories().mergeJobs().save(job);
        var kept = contact(domainId, "primary", "kept", "arn:contact");
        var moving = item(domainId, "secondary", "moving", T0, new RelatedItemContent.Comment("hi", "Text/Plain"));
        var duplicate = contact(domainId, "secondary", "duplicate", "arn:contact");
        repositories().relatedItems().save(kept);
        repositories().relatedItems().save(moving);
        repositories().relatedItems().save(duplicate);
        repositories().tags().put(arn(domainId, "primary", "kept"), Map.of("team", "blue"));
        repositories().tags().put(arn(domainId, "secondary", "moving"), Map.of("team", "red"));
        repositories().tags().put(arn(domainId, "secondary", "duplicate"), Map.of("team", "green", "tier", "gold"));

        Case merged = primary.withValues(Map.of("status", new FieldValue.StringValue("open"),
                "title", new FieldValue.StringValue("merged")));
        Case closed = secondary.withValues(Map.of("status", new FieldValue.StringValue("closed")));
        var moved = item(domainId, "primary", "moving", T0, new RelatedItemContent.Comment("hi", "Text/Plain"));
        var link = item(domainId, "secondary", "link", T0.plusSeconds(1),
                new RelatedItemContent.ConnectCase("primary"));
        AuditEvent primaryEvent = audit(job, "primary", AuditEventType.CASE_MERGED);
        AuditEvent secondaryEvent = audit(job, "secondary", AuditEventType.CASE_MERGED);
        MergeJob completed = job.completed(T0.plusSeconds(2));

        mergeStore().store(new MergeOutcome(List.of(merged, closed),
                List.of(new RemovedItem(moving, arn(domainId, "secondary", "moving")),
                        new RemovedItem(duplicate, arn(domainId, "secondary", "duplicate"))),
                List.of(moved, link),
                Map.of(arn(domainId, "primary", "moving"), Map.of("team", "red"),
                        arn(domainId, "primary", "kept"), Map.of("tier", "gold")),
                List.of(primaryEvent, secondaryEvent), completed));

        assertThat(repositories().cases().find(domainId, "primary")).contains(merged);
        assertThat(repositories().cases().find(domainId, "secondary")).contains(closed);
        assertThat(repositories().relatedItems().listForCase(domainId, "primary"))
                .containsExactlyInAnyOrder(kept, moved);
        assertThat(repositories().relatedItems().listForCase(domainId, "secondary")).containsExactly(link);
        assertThat(repositories().tags().tags(arn(domainId, "primary", "moving"))).isEqualTo(Map.of("team", "red"));
        assertThat(repositories().tags().tags(arn(domainId, "primary", "kept")))
                .isEqualTo(Map.of("team", "blue", "tier", "gold"));
        assertThat(repositories().tags().tags(arn(domainId, "secondary", "moving"))).isEmpty();
        assertThat(repositories().tags().tags(arn(domainId, "secondary", "duplicate"))).isEmpty();
        assertThat(repositories().auditLog().events(domainId, "primary", 0, 10)).containsExactly(primaryEvent);
        assertThat(repositories().auditLog().events(domainId, "secondary", 0, 10)).containsExactly(secondaryEvent);
        assertThat(repositories().mergeJobs().find(domainId, job.mergeId())).contains(completed);
        assertThat(repositories().mergeJobs().findRunning(domainId, "primary")).isEmpty();
        assertThat(repositories().mergeJobs().findBySecondary(domainId, "secondary")).contains(completed);
    }

    @Test
    default void aMergeWithNothingLeftCompletesOnlyItsJob() {
        String domainId = newDomain(ACCOUNT, T0);
        Case primary = newCase(domainId, "primary", T0);
        MergeJob job = job(domainId, "primary", "gone", T0);
        repositories().mergeJobs().save(job);
        MergeJob completed = job.completed(T0.plusSeconds(1));

        mergeStore().store(MergeOutcome.nothingLeft(completed));

        assertThat(repositories().mergeJobs().find(domainId, job.mergeId())).contains(completed);
        assertThat(repositories().cases().find(domainId, "primary")).contains(primary);
        assertThat(repositories().auditLog().events(domainId, "primary", 0, 10)).isEmpty();
    }
}
