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
}
