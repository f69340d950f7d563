package io.opencases.lucene;

import io.opencases.application.port.CaseIndex;
import io.opencases.application.port.contract.CaseIndexContract;
import org.junit.jupiter.api.AfterEach;

/** The Lucene index against the shared CaseIndexContract, in memory (ByteBuffersDirectory). */
class LuceneCaseIndexTest implements CaseIndexContract {
    private final LuceneCaseIndex index = new LuceneCaseIndex();

    @Override
    public CaseIndex caseIndex() {
        return index;
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }
}
