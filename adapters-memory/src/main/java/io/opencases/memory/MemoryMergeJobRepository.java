package io.opencases.memory;

import io.opencases.application.port.MergeJobRepository;
import io.opencases.domain.merge.MergeJob;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class MemoryMergeJobRepository implements MergeJobRepository {
    private record Key(String domainId, String mergeId) {
    }

    private final Map<Key, MergeJob> jobs = new ConcurrentHashMap<>();

    @Override
    public void save(MergeJob job) {
        boolean secondaryTaken = jobs.values().stream().anyMatch(j -> j.domainId().equals(job.domainId())
                && j.secondaryCaseId().equals(job.secondaryCaseId()) && !j.mergeId().equals(job.mergeId()));
        if (secondaryTaken) {
            throw new IllegalStateException("case " + job.secondaryCaseId() + " is already merged away");
        }
        jobs.put(new Key(job.domainId(), job.mergeId()), job);
    }

    @Override
    public Optional<MergeJob> find(String domainId, String mergeId) {
        return Optional.ofNullable(jobs.get(new Key(domainId, mergeId)));
    }

    @Override
    public Optional<MergeJob> findRunning(String domainId, String caseId) {
        return jobs.values().stream().filter(MergeJob::running).filter(j -> j.domainId().equals(domainId))
                .filter(j -> j.primaryCaseId().equals(caseId) || j.secondaryCaseId().equals(caseId)).findFirst();
    }

    @Override
    public Optional<MergeJob> findBySecondary(String domainId, String caseId) {
        return jobs.values().stream().filter(j -> j.domainId().equals(domainId))
                .filter(j -> j.secondaryCaseId().equals(caseId)).findFirst();
    }

    @Override
    public List<MergeJob> listRunning(int limit) {
        return jobs.values().stream().filter(MergeJob::running)
                .sorted(Comparator.comparing(MergeJob::startedTime).thenComparing(MergeJob::domainId)
                        .thenComparing(MergeJob::mergeId))
                .limit(limit).toList();
    }
}
