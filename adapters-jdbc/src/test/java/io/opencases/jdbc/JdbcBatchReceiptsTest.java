package io.opencases.jdbc;

import io.opencases.application.port.BatchReceipts;
import io.opencases.application.port.contract.BatchReceiptsContract;

/** The PostgreSQL BatchReceipts against the shared BatchReceiptsContract. */
class JdbcBatchReceiptsTest implements BatchReceiptsContract {
    @Override
    public BatchReceipts batchReceipts() {
        return TestDatabase.storage().batchReceipts();
    }
}
