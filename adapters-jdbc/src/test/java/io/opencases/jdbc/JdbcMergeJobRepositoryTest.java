package io.opencases.jdbc;

import io.opencases.application.port.MergeJobRepository;
import io.opencases.application.port.contract.MergeJobRepositoryContract;

/** The PostgreSQL MergeJobRepository against the shared MergeJobRepositoryContract. */
class JdbcMergeJobRepositoryTest implements MergeJobRepositoryContract {
    @Override
    public MergeJobRepository mergeJobs() {
        return TestDatabase.storage().mergeJobs();
    }
}
