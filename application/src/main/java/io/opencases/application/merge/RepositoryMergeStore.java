package io.opencases.application.merge;

import io.opencases.application.RepositoryCaseContentReads;
import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.MergeJobRepository;
import io.opencases.application.port.MergeStore;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.domain.merge.MergeJob;
import io.opencases.domain.relateditem.RelatedItem;

import java.util.List;
import java.util.Optional;

/**
 * The merge use cases' storage on the fine-grained repositories, a call (or a few) each, as the service made them
 * before; the use case's unit of work makes a merge all or nothing. Both storage profiles use it today; an adapter
 * that can write a merge in one round trip implements {@link MergeStore} itself instead.
 */
public final class RepositoryMergeStore extends RepositoryCaseContentReads implements MergeStore {
    private final AuditLog auditLog;
    private final MergeJobRepository jobs;

    public RepositoryMergeStore(DomainRepository domains, FieldRepository fields, CaseRepository cases,
                                RelatedItemRepository relatedItems, TagRepository tags, AuditLog auditLog,
                                MergeJobRepository jobs) {
        super(domains, fields, cases, relatedItems, tags);
        this.auditLog = auditLog;
        this.jobs = jobs;
    }

    @Override
    public Optional<MergeJob> job(String domainId, String mergeId) {
        return jobs.find(domainId, mergeId);
    }

    @Override
    public Optional<MergeJob> runningFor(String domainId, String caseId) {
        return jobs.findRunning(domainId, caseId);
    }

    @Override
    public Optional<MergeJob> mergedAway(String domainId, String caseId) {
        return jobs.findBySecondary(domainId, caseId);
    }

    @Override
    public List<MergeJob> running(int limit) {
        return jobs.listRunning(limit);
    }

    @Override
    public void start(MergeJob job) {
        jobs.save(job);
    }

    @Override
    public void store(MergeOutcome outcome) {
        outcome.cases().forEach(cases::save);
        // Removals first: a moved item keeps its id on the other case, and its old ARN's tags go with the old item.
        for (RemovedItem removed : outcome.removed()) {
            RelatedItem item = removed.item();
            relatedItems.delete(item.domainId(), item.caseId(), item.relatedItemId());
            tags.deleteTree(removed.arn());
        }
        outcome.saved().forEach(relatedItems::save);
        outcome.tagsAdded().forEach(tags::put);
        outcome.auditEvents().forEach(auditLog::append);
        jobs.save(outcome.job());
    }
}
