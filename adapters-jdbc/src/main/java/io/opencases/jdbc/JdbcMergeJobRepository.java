package io.opencases.jdbc;

import io.opencases.application.port.MergeJobRepository;
import io.opencases.domain.merge.MergeJob;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Merge jobs as documents, with the columns the write guard, the runner's queue and uniqueness need. */
final class JdbcMergeJobRepository implements MergeJobRepository {
    private static final RowMapper<MergeJob> JOB = (row, ctx) -> Documents.read(row.getString(1), MergeJob.class);

    private final Jdbi jdbi;

    JdbcMergeJobRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(MergeJob job) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO merge_jobs (domain_id, merge_id, primary_case_id, "
                        + "secondary_case_id, status, started_time, doc) VALUES (:domainId, :mergeId, :primary, "
                        + ":secondary, :status, :startedTime, CAST(:doc AS jsonb)) "
                        + "ON CONFLICT (domain_id, merge_id) DO UPDATE SET status = excluded.status, doc = excluded.doc")
                .bind("domainId", job.domainId()).bind("mergeId", job.mergeId())
                .bind("primary", job.primaryCaseId()).bind("secondary", job.secondaryCaseId())
                .bind("status", job.status().name()).bind("startedTime", job.startedTime())
                .bind("doc", Documents.write(job))
                .execute());
    }

    @Override
    public Optional<MergeJob> find(String domainId, String mergeId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM merge_jobs "
                        + "WHERE domain_id = :domainId AND merge_id = :mergeId")
                .bind("domainId", domainId).bind("mergeId", mergeId).map(JOB).findOne());
    }

    @Override
    public Optional<MergeJob> findRunning(String domainId, String caseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM merge_jobs WHERE domain_id = :domainId "
                        + "AND status = 'IN_PROGRESS' AND (primary_case_id = :caseId OR secondary_case_id = :caseId) "
                        + "LIMIT 1")
                .bind("domainId", domainId).bind("caseId", caseId).map(JOB).findOne());
    }

    @Override
    public Optional<MergeJob> findBySecondary(String domainId, String caseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM merge_jobs "
                        + "WHERE domain_id = :domainId AND secondary_case_id = :caseId")
                .bind("domainId", domainId).bind("caseId", caseId).map(JOB).findOne());
    }

    @Override
    public List<MergeJob> listRunning(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM merge_jobs WHERE status = 'IN_PROGRESS' "
                        + "ORDER BY started_time, domain_id, merge_id LIMIT :limit")
                .bind("limit", limit).map(JOB).list());
    }
}
