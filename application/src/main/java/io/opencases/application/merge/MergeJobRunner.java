package io.opencases.application.merge;

/**
 * Runs the merges StartMergeCases recorded. The server calls {@link #runPending} in a background loop, and at start,
 * so a merge interrupted by a crash finishes after the restart. Of several instances on one store only the one
 * holding the lease runs merges; a merge applies in one unit of work that also marks it completed, so even two
 * runners could not apply it twice.
 */
public final class MergeJobRunner {
    /** Merges one pass runs at most. */
    static final int PASS = 50;

    /** Whether this instance may run merges now (memory: always; PostgreSQL: an advisory-lock lease). */
    @FunctionalInterface
    public interface Lease {
        boolean held();
    }

    private final MergeService merges;
    private final Lease lease;
    private volatile boolean paused;

    /** {@code paused}: start without running merges until {@link #resume} (tests, maintenance). */
    public MergeJobRunner(MergeService merges, Lease lease, boolean paused) {
        this.merges = merges;
        this.lease = lease;
        this.paused = paused;
    }

    /** One pass: runs the pending merges if this instance holds the lease; returns how many completed. */
    public int runPending() {
        if (paused || !lease.held()) {
            return 0;
        }
        return merges.runPending(PASS);
    }

    /** Holds started merges in progress (they stay IN_PROGRESS, and durable) until {@link #resume}. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }
}
