package io.opencases.rest.ops;

import java.util.Optional;

/**
 * Whether the server can serve API requests now. While a part it needs (the database) is down, requests fail at
 * once with a 500 InternalServerException carrying a retry hint instead of waiting for a connection that will not
 * come.
 */
@FunctionalInterface
public interface Availability {
    Availability ALWAYS = () -> Optional.empty();

    /** The outage in progress, if any. */
    Optional<Outage> outage();

    /** {@code part} names what is down (e.g. "database"); clients are told to retry after {@code retryAfterSeconds}. */
    record Outage(String part, String reason, int retryAfterSeconds) {
    }
}
