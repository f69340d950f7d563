package io.opencases.memory;

import io.opencases.application.port.MergeJobRepository;
import io.opencases.application.port.contract.MergeJobRepositoryContract;

/** The in-memory MergeJobRepository against the shared MergeJobRepositoryContract. */
class MemoryMergeJobRepositoryTest implements MergeJobRepositoryContract {
    private final MemoryMergeJobRepository jobs = new MemoryMergeJobRepository();

    @Override
    public MergeJobRepository mergeJobs() {
        return jobs;
    }
}
