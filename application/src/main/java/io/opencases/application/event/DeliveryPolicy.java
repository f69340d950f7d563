package io.opencases.application.event;

import java.time.Duration;

/**
 * How hard delivery tries: up to {@code maxAttempts}, waiting {@code initialBackoff} after the first failure and
 * twice as long after each further one, never more than {@code maxBackoff}.
 */
public record DeliveryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(5));

    public DeliveryPolicy {
        if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("invalid delivery policy");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    public Duration backoffAfter(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
