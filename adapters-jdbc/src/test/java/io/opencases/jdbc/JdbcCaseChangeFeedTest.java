package io.opencases.jdbc;

import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.contract.CaseChangeFeedContract;

/** The PostgreSQL CaseChangeFeed against the shared CaseChangeFeedContract. */
class JdbcCaseChangeFeedTest implements CaseChangeFeedContract {
    @Override
    public CaseChangeFeed changeFeed() {
        return TestDatabase.storage().changeFeed();
    }
}
