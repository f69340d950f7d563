package io.opencases.jdbc;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Of the instances on one database one holds the merge runner's lease, independently of the delivery lease. */
class JdbcMergeLeaseTest {

    @Test
    void oneInstanceRunsMergesAndAnotherTakesOverWhenItStops() {
        DataSource database = TestDatabase.freshSchema();
        try (JdbcStorage one = JdbcStorage.on(database); JdbcStorage two = JdbcStorage.on(database)) {
            assertThat(two.outbox().acquireDeliveryLease()).as("the delivery lease is another lock").isTrue();
            assertThat(one.holdsMergeLease()).isTrue();
            assertThat(one.holdsMergeLease()).as("asking again keeps it").isTrue();
            assertThat(two.holdsMergeLease()).isFalse();

            one.close();

            assertThat(eventually(two::holdsMergeLease)).isTrue();
            assertThat(one.holdsMergeLease()).as("a closed storage never runs merges").isFalse();
        }
    }

    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
