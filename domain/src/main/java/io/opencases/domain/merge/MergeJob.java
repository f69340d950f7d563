package io.opencases.domain.merge;

import io.opencases.domain.Require;
import io.opencases.domain.relateditem.RelatedItemType;

import java.time.Instant;
import java.util.List;

/**
 * A merge of a secondary case into a primary case (StartMergeCases), durable until it has run: the field ids whose
 * values move, the related-item types that move, and who asked (the account owning the domain, and the principal). {@code mergeId} is also the audit events'
 * mergeEventId. {@code completedTime} is set once the merge has been applied.
 */
public record MergeJob(String accountId, String domainId, String mergeId, String primaryCaseId, String secondaryCaseId,
                       List<String> fieldIds, List<RelatedItemType> relatedItemTypes, MergeStatus status,
                       String principalArn, Instant startedTime, Instant completedTime) {
    public MergeJob {
        Require.nonNull(accountId, "accountId");
        Require.nonNull(domainId, "domainId");
        Require.nonNull(mergeId, "mergeId");
        Require.nonNull(primaryCaseId, "primaryCaseId");
        Require.nonNull(secondaryCaseId, "secondaryCaseId");
        Require.nonNull(status, "status");
        Require.nonNull(principalArn, "principalArn");
        Require.nonNull(startedTime, "startedTime");
        fieldIds = Require.copy(fieldIds);
        relatedItemTypes = Require.copy(relatedItemTypes);
    }

    public boolean running() {
        return status == MergeStatus.IN_PROGRESS;
    }

    public MergeJob completed(Instant now) {
        return new MergeJob(accountId, domainId, mergeId, primaryCaseId, secondaryCaseId, fieldIds, relatedItemTypes,
                MergeStatus.COMPLETED, principalArn, startedTime, now);
    }
}
