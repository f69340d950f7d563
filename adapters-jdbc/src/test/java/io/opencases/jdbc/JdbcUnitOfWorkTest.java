package io.opencases.jdbc;

import io.opencases.application.port.UnitOfWork;
import io.opencases.application.port.contract.UnitOfWorkContract;
import io.opencases.domain.DomainException;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PostgreSQL UnitOfWork against the shared UnitOfWorkContract, and what SERIALIZABLE-with-retry must give on
 * rows: no lost update, one winner per unique name, after-commit actions only of the attempt that committed.
 */
class JdbcUnitOfWorkTest implements UnitOfWorkContract {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678901Z");

    @BeforeAll
    static void counters() {
        TestDatabase.storage().jdbi().useHandle(h -> h.execute(
                "CREATE TABLE IF NOT EXISTS test_counters (id text PRIMARY KEY, value integer NOT NULL)"));
    }

    private static JdbcStorage storage() {
        return TestDatabase.storage();
    }

    @Override
    public UnitOfWork unitOfWork() {
        return storage().unitOfWork();
    }

    private static String newCounter() {
        String id = UUID.randomUUID().toString();
        storage().jdbi().useHandle(h -> h.createUpdate("INSERT INTO test_counters VALUES (:id, 0)").bind("id", id)
                .execute());
        return id;
    }

    private static int read(String counter) {
        return storage().jdbi().withHandle(h -> h.createQuery("SELECT value FROM test_counters WHERE id = :id")
                .bind("id", counter).mapTo(int.class).one());
    }

    private static void write(String counter, int value) {
        storage().jdbi().useHandle(h -> h.createUpdate("UPDATE test_counters SET value = :value WHERE id = :id")
                .bind("id", counter).bind("value", value).execute());
    }

    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentReadModifyWriteOfARowLosesNoUpdate() throws Exception {
        String counter = newCounter();

        concurrently(8, () -> {
            for (int i = 0; i < 50; i++) {
                unitOfWork().write(() -> write(counter, read(counter) + 1));
            }
            return null;
        });

        assertThat(read(counter)).isEqualTo(400);
    }

    @Test
    void concurrentInsertsOfTheSameNameHaveExactlyOneWinner() throws Exception {
        String domainId = UUID.randomUUID().toString();
        var fields = storage().fields();

        List<String> outcomes = concurrently(8, () -> {
            try {
                return unitOfWork().write(() -> {
                    if (fields.findLiveByName(domainId, "Priority").isPresent()) {
                        throw new DomainException.Conflict("name taken");
                    }
                    fields.save(Field.custom(domainId, UUID.randomUUID().toString(), "Priority", null,
                            FieldType.Text, null, NOW));
                    return "created";
                });
            } catch (DomainException.Conflict e) {
                return "conflict";
            }
        });

        assertThat(outcomes).containsOnlyOnce("created").filteredOn("conflict"::equals).hasSize(7);
        assertThat(fields.countLive(domainId)).isEqualTo(1);
    }

    @Test
    void afterCommitActionsOfARetriedAttemptAreDropped() throws Exception {
        String counter = newCounter();
        var attempts = new AtomicInteger();
        var ran = new CopyOnWriteArrayList<Integer>();
        var firstHasRead = new CountDownLatch(1);
        var otherCommitted = new CountDownLatch(1);

        var other = Executors.newSingleThreadExecutor();
        try {
            Future<?> rival = other.submit(() -> {
                firstHasRead.await();
                unitOfWork().write(() -> write(counter, read(counter) + 10));
                otherCommitted.countDown();
                return null;
            });
            unitOfWork().write(() -> {
                int attempt = attempts.incrementAndGet();
                unitOfWork().afterCommit(() -> ran.add(attempt));
                int value = read(counter);
                if (attempt == 1) {
                    firstHasRead.countDown();
                    await(otherCommitted);
                }
                write(counter, value + 1);
            });
            rival.get(10, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }

        assertThat(attempts.get()).isGreaterThan(1);
        assertThat(ran).containsExactly(attempts.get());
        assertThat(read(counter)).isEqualTo(11);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWriteThatFailsRollsBackWhatItWrote() {
        String counter = newCounter();

        assertThatThrownBy(() -> unitOfWork().write(() -> {
            write(counter, 5);
            throw new DomainException.Conflict("no");
        })).isInstanceOf(DomainException.Conflict.class);

        assertThat(read(counter)).isZero();
    }

    @Test
    void nestedWritesJoinTheOuterTransaction() {
        String counter = newCounter();

        assertThatThrownBy(() -> unitOfWork().write(() -> {
            unitOfWork().write(() -> write(counter, 1));
            throw new IllegalStateException("outer fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(read(counter)).isZero();
    }

    @Test
    void aReadSeesOneSnapshotAndCannotWrite() throws Exception {
        String counter = newCounter();
        var changedMeanwhile = new CountDownLatch(1);

        List<Integer> seen = unitOfWork().read(() -> {
            int first = read(counter);
            Executors.newSingleThreadExecutor().submit(() -> {
                write(counter, 7);
                changedMeanwhile.countDown();
            });
            await(changedMeanwhile);
            return List.of(first, read(counter));
        });

        assertThat(seen).containsExactly(0, 0);
        assertThat(read(counter)).isEqualTo(7);
        assertThatThrownBy(() -> unitOfWork().read(() -> {
            write(counter, 8);
            return null;
        })).hasStackTraceContaining("read-only transaction");
    }

    private static String setting(String name) {
        return storage().jdbi().withHandle(h -> h.createQuery("SELECT current_setting('" + name + "')")
                .mapTo(String.class).one());
    }

    @Test
    void writesAreSerializableAndReadsReadOnlyRepeatableRead() {
        assertThat(unitOfWork().write(() -> List.of(setting("transaction_isolation"),
                setting("transaction_read_only")))).containsExactly("serializable", "off");
        assertThat(unitOfWork().read(() -> List.of(setting("transaction_isolation"),
                setting("transaction_read_only")))).containsExactly("repeatable read", "on");
        assertThat(unitOfWork().write(() -> setting("transaction_read_only"))).as("the pool forgets read-only")
                .isEqualTo("off");
    }

    @Test
    void outsideAUnitOfWorkEveryStatementCommitsAtOnce() {
        String counter = newCounter();
        write(counter, 3);
        assertThat(read(counter)).isEqualTo(3);
    }
}
