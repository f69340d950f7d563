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
    /** How often the store is asked for merges no signal announced (started elsewhere, or before a restart). */
    static final long POLL_NANOS = 1_000_000_000L;

    /** Whether this instance may run merges now (memory: always; PostgreSQL: an advisory-lock lease). */
    @FunctionalInterface
    public interface Lease {
        boolean held();
    }

    private final MergeService merges;
    private final Lease lease;
    private final MergeWakeup wakeup;
    private volatile boolean paused;
    /** When the store was last asked; the first pass asks at once (merges a crash left behind). */
    private long lastPoll;
    private boolean polled;

    /** {@code paused}: start without running merges until {@link #resume} (tests, maintenance). */
    public MergeJobRunner(MergeService merges, Lease lease, MergeWakeup wakeup, boolean paused) {
        this.merges = merges;
        this.lease = lease;
        this.wakeup = wakeup;
        this.paused = paused;
    }

    /**
     * One pass, cheap to call often: when a merge was started here since the last pass, or a second has passed,
     * runs the pending merges if this instance holds the lease; returns how many completed.
     */
    public synchronized int runPending() {
        if (paused) {
            return 0;
        }
        long now = System.nanoTime();
        boolean signalled = wakeup.take();
        if (!signalled && polled && now - lastPoll < POLL_NANOS) {
            return 0;
        }
        polled = true;
        lastPoll = now;
        if (!lease.held()) {
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
        wakeup.signal();
    }
}
