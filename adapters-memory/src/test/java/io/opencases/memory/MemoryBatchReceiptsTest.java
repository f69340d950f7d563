package io.opencases.memory;

import io.opencases.application.port.BatchReceipts;
import io.opencases.application.port.contract.BatchReceiptsContract;

/** The in-memory BatchReceipts against the shared BatchReceiptsContract. */
class MemoryBatchReceiptsTest implements BatchReceiptsContract {
    private final MemoryBatchReceipts receipts = new MemoryBatchReceipts();

    @Override
    public BatchReceipts batchReceipts() {
        return receipts;
    }
}
