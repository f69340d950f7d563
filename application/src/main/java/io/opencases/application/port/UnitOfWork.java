package io.opencases.application.port;

import java.util.function.Supplier;

/**
 * Runs one use case atomically against the store: everything {@code write} does commits together or not at all,
 * and the checks it makes (name uniqueness, quotas, references) hold for the writes it makes.
 */
public interface UnitOfWork {
    <T> T read(Supplier<T> work);

    <T> T write(Supplier<T> work);

    default void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code action} once the enclosing {@code write} has committed, before that write returns; drops it if the
     * write fails (and, in a store that retries conflicting transactions, when an attempt is retried). Outside a
     * write it runs at once. Changes to things outside the store, such as the search index, go here so they never
     * show what was rolled back.
     */
    void afterCommit(Runnable action);
}
