package io.opencases.memory.service;

import io.opencases.application.cases.CaseChangeWatch;
import io.opencases.application.cases.CaseChangeWatch.CaseChanged;
import io.opencases.memory.MemoryCaseChangeFeed;
import io.opencases.memory.MemoryUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CaseChangeWatchTest {
    private final MemoryCaseChangeFeed feed = new MemoryCaseChangeFeed(() -> Instant.parse("2026-01-01T00:00:00Z"));
    private final CaseChangeWatch watch = new CaseChangeWatch(feed, new MemoryUnitOfWork(),
            () -> Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void reportsEachChangeAfterTheWatchStartedOnce() {
        feed.append("d1", "before-the-watch");
        assertThat(watch.poll()).isEmpty();

        feed.append("d1", "c1");
        feed.append("d2", "c2");
        assertThat(watch.poll()).containsExactly(new CaseChanged("d1", "c1"), new CaseChanged("d2", "c2"));
        assertThat(watch.poll()).isEmpty();

        feed.append("d1", "c1");
        assertThat(watch.poll()).containsExactly(new CaseChanged("d1", "c1"));
    }

    @Test
    void aConfigurationChangeIsNoCaseChangeNorADeletedDomain() {
        assertThat(watch.poll()).isEmpty();

        feed.appendConfigurationChange("d1");
        feed.append("d1", "c1");
        feed.append("d2", null);

        assertThat(watch.poll()).containsExactly(new CaseChanged("d1", "c1"), new CaseChanged("d2", null));
    }
}
