package io.opencases.application.port;

import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.Case;
import io.opencases.domain.merge.MergeJob;
import io.opencases.domain.relateditem.RelatedItem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the merge use cases (StartMergeCases, GetMergeCasesStatus and the merge runner's step) read and write, inside
 * the use case's unit of work: the domain, the two cases, their items and the tags on them, the fields a merge copies,
 * the merge jobs that guard the cases; a started job as one {@link #start}, and a merge's whole outcome as one
 * {@link #store}. One port where the service named seven repositories, so an adapter can write a merge in fewer
 * round trips without the service changing.
 */
public interface MergeStore extends CaseContentReads {

    Optional<MergeJob> job(String domainId, String mergeId);

    /** The running merge the case is part of, as primary or secondary case. */
    Optional<MergeJob> runningFor(String domainId, String caseId);

    /** The merge, running or completed, that merges the case away as its secondary case. */
    Optional<MergeJob> mergedAway(String domainId, String caseId);

    /** Up to {@code limit} running merges of every domain, the longest-running first. */
    List<MergeJob> running(int limit);

    /** Records a merge StartMergeCases accepted. */
    void start(MergeJob job);

    /** A related item a merge removes, with the ARN whose tags (and those below it) go with it. */
    record RemovedItem(RelatedItem item, String arn) {
    }

    /**
     * Everything applying one merge writes: the two cases as merged, the items removed (with the tags on their
     * ARNs) and then the items saved (moved or created), tags added to items' ARNs after the removals, the audit
     * events in order, and the job as completed. A merge whose domain is gone meanwhile writes only its job.
     */
    record MergeOutcome(List<Case> cases, List<RemovedItem> removed, List<RelatedItem> saved,
                        Map<String, Map<String, String>> tagsAdded, List<AuditEvent> auditEvents, MergeJob job) {
        public MergeOutcome {
            if (job.running()) {
                throw new IllegalArgumentException("a stored merge completes its job");
            }
            cases = List.copyOf(cases);
            removed = List.copyOf(removed);
            saved = List.copyOf(saved);
            tagsAdded = Collections.unmodifiableMap(new LinkedHashMap<>(tagsAdded));
            auditEvents = List.copyOf(auditEvents);
        }

        /** The outcome of a merge that found its domain or a case gone: it has nothing left to do. */
        public static MergeOutcome nothingLeft(MergeJob completed) {
            return new MergeOutcome(List.of(), List.of(), List.of(), Map.of(), List.of(), completed);
        }
    }

    /** Writes the merge's outcome, all of it with the enclosing unit of work. */
    void store(MergeOutcome outcome);
}
