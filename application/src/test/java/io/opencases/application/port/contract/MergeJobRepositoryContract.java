package io.opencases.application.port.contract;

import io.opencases.application.port.MergeJobRepository;
import io.opencases.domain.merge.MergeJob;
import io.opencases.domain.merge.MergeStatus;
import io.opencases.domain.relateditem.RelatedItemType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every MergeJobRepository adapter must do; each test uses fresh domain ids. */
public interface MergeJobRepositoryContract {
    Instant NOW = Instant.parse("2026-11-26T10:00:00.123Z");

    MergeJobRepository mergeJobs();

    private static String newDomainId() {
        return "d-" + UUID.randomUUID();
    }

    private static MergeJob job(String domainId, String primary, String secondary, Instant started) {
        return new MergeJob("111111111111", domainId, UUID.randomUUID().toString(), primary, secondary, List.of("title", "f-1"),
                List.of(RelatedItemType.Comment, RelatedItemType.Contact), MergeStatus.IN_PROGRESS,
                "arn:aws:iam::111111111111:root", started, null);
    }

    @Test
    default void aSavedJobReadsBackWhole() {
        MergeJob job = job(newDomainId(), "p", "s", NOW);
        mergeJobs().save(job);

        assertThat(mergeJobs().find(job.domainId(), job.mergeId())).contains(job);
        assertThat(mergeJobs().find(job.domainId(), "other")).isEmpty();
    }

    @Test
    default void aRunningJobGuardsBothCasesUntilItCompletes() {
        MergeJob job = job(newDomainId(), "p", "s", NOW);
        mergeJobs().save(job);

        assertThat(mergeJobs().findRunning(job.domainId(), "p")).contains(job);
        assertThat(mergeJobs().findRunning(job.domainId(), "s")).contains(job);
        assertThat(mergeJobs().findRunning(job.domainId(), "x")).isEmpty();
        assertThat(mergeJobs().findRunning(newDomainId(), "p")).isEmpty();

        MergeJob done = job.completed(NOW.plusSeconds(1));
        mergeJobs().save(done);

        assertThat(mergeJobs().findRunning(job.domainId(), "p")).isEmpty();
        assertThat(mergeJobs().findRunning(job.domainId(), "s")).isEmpty();
        assertThat(mergeJobs().find(job.domainId(), job.mergeId())).contains(done);
        assertThat(mergeJobs().findBySecondary(job.domainId(), "s")).contains(done);
        assertThat(mergeJobs().findBySecondary(job.domainId(), "p")).isEmpty();
    }

    @Test
    default void aCaseIsMergedAwayAtMostOnce() {
        String domainId = newDomainId();
        mergeJobs().save(job(domainId, "p", "s", NOW).completed(NOW));

        assertThatThrownBy(() -> mergeJobs().save(job(domainId, "q", "s", NOW))).isInstanceOf(RuntimeException.class);
    }

    @Test
    default void runningJobsAreListedLongestRunningFirst() {
        String domainId = newDomainId();
        // Far in the past, so jobs other tests left running sort after these.
        Instant early = Instant.parse("2000-01-01T00:00:00Z");
        MergeJob second = job(domainId, "p2", "s2", early.plusSeconds(5));
        MergeJob first = job(domainId, "p1", "s1", early);
        MergeJob finished = job(domainId, "p3", "s3", early.minusSeconds(5)).completed(early);
        mergeJobs().save(second);
        mergeJobs().save(first);
        mergeJobs().save(finished);

        assertThat(mergeJobs().listRunning(2)).containsExactly(first, second);
    }
}
