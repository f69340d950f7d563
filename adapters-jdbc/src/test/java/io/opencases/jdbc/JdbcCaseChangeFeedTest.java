package io.opencases.jdbc;

import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.contract.CaseChangeFeedContract;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL CaseChangeFeed against the shared CaseChangeFeedContract, and how it settles by snapshot. */
class JdbcCaseChangeFeedTest implements CaseChangeFeedContract {
    @Override
    public CaseChangeFeed changeFeed() {
        return TestDatabase.storage().changeFeed();
    }

    /**
     * A transaction that took a position and has not committed holds every mark at or above that position back,
     * however long it runs (no time window); once it ends, the mark settles and its change is there to read.
     */
    @Test
    void anOpenTransactionHoldsTheMarkBackUntilItEnds() throws Exception {
        var storage = TestDatabase.storage();
        var appended = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var position = new AtomicLong();
        var writer = new Thread(() -> storage.unitOfWork().write(() -> {
            position.set(storage.changeFeed().append("slow-domain", "slow-case"));
            appended.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        writer.start();
        appended.await();

        CaseChangeFeed.Mark mark = changeFeed().mark();
        assertThat(mark.position()).isGreaterThanOrEqualTo(position.get());
        assertThat(changeFeed().settled(mark)).isFalse();
        assertThat(changeFeed().after(position.get() - 1, 10)).noneMatch(c -> c.position() == position.get());

        release.countDown();
        writer.join();

        assertThat(changeFeed().settled(mark)).isTrue();
        assertThat(changeFeed().after(position.get() - 1, 10)).anyMatch(c -> c.position() == position.get());
    }
}
