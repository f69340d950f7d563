package io.opencases.memory;

import io.opencases.application.port.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Serialises writers and lets readers share: enough to make each use case's checks (unique names, quotas) hold for
 * its writes. Use cases check everything before they write, so a failing one leaves nothing behind.
 */
public final class MemoryUnitOfWork implements UnitOfWork {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** The after-commit actions of the write running on this thread; null outside a write. */
    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

    @Override
    public <T> T read(Supplier<T> work) {
        var readLock = lock.readLock();
        readLock.lock();
        try {
            return work.get();
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public <T> T write(Supplier<T> work) {
        var writeLock = lock.writeLock();
        writeLock.lock();
        boolean outermost = pending.get() == null;
        if (outermost) {
            pending.set(new ArrayList<>());
        }
        try {
            T result = work.get();
            if (outermost) {
                // Still under the lock: the next writer sees the index exactly as this write left it.
                var actions = pending.get();
                pending.remove();
                actions.forEach(Runnable::run);
            }
            return result;
        } finally {
            if (outermost) {
                pending.remove();
            }
            writeLock.unlock();
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        var actions = pending.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }
}
