package io.opencases.jdbc;

import io.opencases.application.port.UnitOfWork;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Each write is one SERIALIZABLE transaction, re-run from the start when PostgreSQL reports that a concurrent
 * transaction got in its way (serialization failure, deadlock, or a unique key a concurrent writer took first):
 * the use cases' checks-then-writes (unique names, quotas, client tokens, read-modify-write of a case) then hold
 * under concurrency without the use cases knowing. Reads run in one READ ONLY, REPEATABLE READ snapshot.
 *
 * <p>The transaction's handle is bound to the thread (JDBI's handle scope): the repositories' own
 * {@code jdbi.withHandle} calls join it, and outside a unit of work they autocommit. Connections default to
 * REPEATABLE READ (see JdbcStorage), so a read costs no statement beyond its queries and COMMIT, and a write one
 * SET TRANSACTION.
 */
final class JdbcUnitOfWork implements UnitOfWork {
    static final int MAX_ATTEMPTS = 10;
    /** Attempts a write makes alongside the others before it runs alone (see {@link #gate}). */
    static final int ATTEMPTS_SHARED = 3;
    private static final String SERIALIZABLE = "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE";

    private enum Mode { READ, WRITE }

    /** The unit of work running on a thread: its mode and, for a write, the actions waiting for its commit. */
    private static final class Current {
        final Mode mode;
        final List<Runnable> afterCommit = new ArrayList<>();

        Current(Mode mode) {
            this.mode = mode;
        }
    }

    private final Jdbi jdbi;
    private final ThreadLocal<Current> current = new ThreadLocal<>();
    /**
     * Keeps a write that keeps losing from starving. Writes attempt side by side under the shared lock; after
     * {@link #ATTEMPTS_SHARED} conflicts a write takes the exclusive lock and so runs while no other write of this
     * server does: on a hot row (every UpdateCase of one case) each writer then gets its turn instead of losing
     * ten races in a row to fresh writers. Reads never wait for it.
     */
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private final LongAdder retries = new LongAdder();

    JdbcUnitOfWork(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        current.set(new Current(Mode.READ));
        try {
            return jdbi.withHandle(handle -> {
                // The driver then opens the transaction with BEGIN READ ONLY, sent with the first query.
                handle.setReadOnly(true);
                try {
                    return inTransaction(handle, null, work);
                } finally {
                    handle.setReadOnly(false);
                }
            });
        } finally {
            current.remove();
        }
    }

    @Override
    public <T> T write(Supplier<T> work) {
        Current outer = current.get();
        if (outer != null) {
            if (outer.mode == Mode.READ) {
                throw new IllegalStateException("a write cannot run inside a read");
            }
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            Current unit = new Current(Mode.WRITE);
            T result;
            try {
                result = attempt(unit, work, attempt > ATTEMPTS_SHARED);
            } catch (RuntimeException e) {
                if (attempt < MAX_ATTEMPTS && isConflict(e)) {
                    retries.increment();
                    backOff(attempt);
                    continue;
                }
                throw e;
            }
            // Outside the unit of work now: an action that writes starts a transaction of its own.
            unit.afterCommit.forEach(Runnable::run);
            return result;
        }
    }

    private <T> T attempt(Current unit, Supplier<T> work, boolean alone) {
        Lock turn = alone ? gate.writeLock() : gate.readLock();
        turn.lock();
        current.set(unit);
        try {
            return jdbi.withHandle(handle -> inTransaction(handle, SERIALIZABLE, work));
        } finally {
            current.remove();
            turn.unlock();
        }
    }

    private static <T> T inTransaction(Handle handle, String setTransaction, Supplier<T> work) {
        handle.begin();
        try {
            if (setTransaction != null) {
                handle.execute(setTransaction);
            }
            T result = work.get();
            handle.commit();
            return result;
        } catch (Throwable failure) {
            try {
                handle.rollback();
            } catch (RuntimeException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    /** Whether the calling thread is inside a write (a repository may then write as part of a lookup). */
    boolean inWrite() {
        Current unit = current.get();
        return unit != null && unit.mode == Mode.WRITE;
    }

    /** How many write attempts were re-run after a conflict so far (for benchmarks and operators). */
    long retries() {
        return retries.sum();
    }

    @Override
    public void afterCommit(Runnable action) {
        Current unit = current.get();
        if (unit == null || unit.mode == Mode.READ) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    /** Whether a write should run again: a concurrent transaction, not the work itself, made it fail. */
    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state) || "23505".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Full jitter over a window that doubles from 1 ms to 32 ms: rivals that collided spread apart. */
    private static void backOff(int attempt) {
        long windowMicros = 1_000L << Math.min(attempt - 1, 5);
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(windowMicros) * 1_000);
    }
}
