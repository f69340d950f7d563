package io.opencases.jdbc;

import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.contract.CaseRepositoryContract;

/** The PostgreSQL CaseRepository against the shared CaseRepositoryContract. */
class JdbcCaseRepositoryTest implements CaseRepositoryContract {
    @Override
    public CaseRepository caseRepository() {
        return TestDatabase.storage().cases();
    }
}
