package io.opencases.application.merge;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells this instance's merge runner that a merge was just started here, so it runs it at its next pass instead of
 * waiting for its periodic look at the store (which finds merges started elsewhere, or before a restart).
 */
public final class MergeWakeup {
    private final AtomicBoolean pending = new AtomicBoolean();

    public void signal() {
        pending.set(true);
    }

    /** Whether a signal came since the last call. */
    boolean take() {
        return pending.getAndSet(false);
    }
}
