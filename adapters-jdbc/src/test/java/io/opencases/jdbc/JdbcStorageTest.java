package io.opencases.jdbc;

import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainStatus;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting a storage: the schema migrations, and the outbox delivery lease shared by instances on one database. */
class JdbcStorageTest {
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678901Z");

    private static List<String> appliedMigrations(JdbcStorage storage) {
        return storage.jdbi().withHandle(h -> h.createQuery("SELECT version || ':' || success "
                + "FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class).list());
    }

    @Test
    void migratesAnEmptyDatabaseAndRestartsOnItWithoutMigratingAgain() {
        DataSource empty = TestDatabase.freshSchema();
        var domain = new CasesDomain("123456789012", UUID.randomUUID().toString(), "Support", DomainStatus.Active,
                CREATED);

        List<String> first;
        try (JdbcStorage storage = JdbcStorage.on(empty)) {
            first = appliedMigrations(storage);
            storage.domains().insert(domain);
        }
        try (JdbcStorage restarted = JdbcStorage.on(empty)) {
            assertThat(first).isNotEmpty().allMatch(m -> m.endsWith(":true"));
            assertThat(appliedMigrations(restarted)).isEqualTo(first);
            assertThat(restarted.domains().findById(domain.domainId())).contains(domain);
        }
    }

    @Test
    void exactlyOneInstanceHoldsTheDeliveryLeaseAndAnotherTakesItOverWhenItStops() {
        DataSource database = TestDatabase.freshSchema();
        try (JdbcStorage one = JdbcStorage.on(database); JdbcStorage two = JdbcStorage.on(database)) {
            assertThat(one.outbox().acquireDeliveryLease()).isTrue();
            assertThat(two.outbox().acquireDeliveryLease()).isFalse();
            assertThat(one.outbox().acquireDeliveryLease()).as("asking again keeps it").isTrue();
            assertThat(two.outbox().acquireDeliveryLease()).isFalse();

            one.close();

            assertThat(eventually(() -> two.outbox().acquireDeliveryLease())).isTrue();
            assertThat(one.outbox().acquireDeliveryLease()).as("a closed storage never delivers").isFalse();
        }
    }

    @Test
    void anInstanceWhoseSessionIsLostStopsHoldingTheLeaseAndCompetesAgain() {
        DataSource database = TestDatabase.freshSchema();
        try (JdbcStorage one = JdbcStorage.on(database); JdbcStorage two = JdbcStorage.on(database)) {
            assertThat(one.outbox().acquireDeliveryLease()).isTrue();

            TestDatabase.execute(database, "SELECT pg_terminate_backend(pid) FROM pg_locks "
                    + "WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = "
                    + DeliveryLease.LOCK_KEY);

            assertThat(eventually(() -> two.outbox().acquireDeliveryLease())).isTrue();
            assertThat(one.outbox().acquireDeliveryLease()).isFalse();
            two.close();
            assertThat(eventually(() -> one.outbox().acquireDeliveryLease())).isTrue();
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
