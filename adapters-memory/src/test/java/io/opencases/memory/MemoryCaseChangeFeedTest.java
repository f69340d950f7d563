package io.opencases.memory;

import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.contract.CaseChangeFeedContract;

import java.time.Instant;

/** The in-memory change feed against the shared CaseChangeFeedContract. */
class MemoryCaseChangeFeedTest implements CaseChangeFeedContract {
    private final MemoryCaseChangeFeed feed = new MemoryCaseChangeFeed(Instant::now);

    @Override
    public CaseChangeFeed changeFeed() {
        return feed;
    }
}
