package io.opencases.bootstrap;

import io.opencases.application.port.Clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The server's clock: the system's, shifted by an offset the test control plane can set or advance (so SLAs go
 * Overdue without waiting). Time keeps flowing from wherever it was set. SigV4 checks keep the real time, since
 * clients sign with theirs.
 */
final class ControllableClock implements Clock {
    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant now() {
        Duration shift = offset;
        Instant now = Instant.now();
        return shift.isZero() ? now : now.plus(shift);
    }

    /** From now on the clock reads {@code time}, and runs on from there. */
    synchronized void set(Instant time) {
        offset = Duration.between(Instant.now(), time);
    }

    synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to the system's time. */
    void reset() {
        offset = Duration.ZERO;
    }

    Duration offset() {
        return offset;
    }
}
