package io.opencases.memory;

import io.opencases.application.port.UnitOfWork;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Serialises writers and lets readers share: enough to make each use case's checks (unique names, quotas) hold for
 * its writes. Use cases check everything before they write, so a failing one leaves nothing behind.
 */
public final class MemoryUnitOfWork implements UnitOfWork {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

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
        try {
            return work.get();
        } finally {
            writeLock.unlock();
        }
    }
}
