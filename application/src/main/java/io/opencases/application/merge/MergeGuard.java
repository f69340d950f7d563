package io.opencases.application.merge;

import io.opencases.application.port.MergeJobRepository;
import io.opencases.domain.DomainException;

/**
 * What a running merge forbids, as AWS documents StartMergeCases: changing the secondary case or its related items,
 * and deleting the primary case, answer ConflictException until the merge completes. The case use cases ask it
 * inside their unit of work, so a write and a merge that start together cannot both go through.
 */
public final class MergeGuard {
    /** For stores and tests without merges. */
    public static final MergeGuard NONE = new MergeGuard(null);

    private final MergeJobRepository jobs;

    public MergeGuard(MergeJobRepository jobs) {
        this.jobs = jobs;
    }

    /** Before changing a case or its related items. */
    public void checkWritable(String domainId, String caseId) {
        if (jobs == null) {
            return;
        }
        jobs.findRunning(domainId, caseId).filter(j -> j.secondaryCaseId().equals(caseId)).ifPresent(j -> {
            throw writeRefused(caseId, j.primaryCaseId());
        });
    }

    /** The refusal of a write to {@code caseId} while it is merged into {@code primaryCaseId}. */
    public static DomainException writeRefused(String caseId, String primaryCaseId) {
        return new DomainException.Conflict("Case " + caseId + " is being merged into case " + primaryCaseId
                + "; it and its related items cannot be changed until the merge completes.");
    }

    /** The refusal to delete {@code caseId} while it takes part in the merge of {@code secondary} into {@code primary}. */
    public static DomainException deleteRefused(String caseId, String primary, String secondary) {
        return new DomainException.Conflict("Case " + caseId + " is part of a running merge (" + primary
                + " <- " + secondary + "); it cannot be deleted until the merge completes.");
    }
}
