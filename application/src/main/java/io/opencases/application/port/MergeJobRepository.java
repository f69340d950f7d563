package io.opencases.application.port;

import io.opencases.domain.merge.MergeJob;

import java.util.List;
import java.util.Optional;

/** The merges StartMergeCases started: running ones until the runner applies them, completed ones for ever. */
public interface MergeJobRepository {
    /** Inserts or replaces the job with the same domain and merge id. */
    void save(MergeJob job);

    Optional<MergeJob> find(String domainId, String mergeId);

    /** The running merge the case is part of, as primary or secondary case. */
    Optional<MergeJob> findRunning(String domainId, String caseId);

    /** The merge, running or completed, that merges the case away as its secondary case (there is at most one). */
    Optional<MergeJob> findBySecondary(String domainId, String caseId);

    /** Up to {@code limit} running merges of every domain, the longest-running first. */
    List<MergeJob> listRunning(int limit);
}
