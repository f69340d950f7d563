package io.opencases.lucene;

import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The index's merge policy: Lucene's tiered defaults while cases are written, and once no case has been written for
 * {@link #IDLE} a stricter tiered policy (three segments per tier over a 32 MB floor, then the segments under that
 * floor into one) that merges the many small segments the defaults keep (ten per tier over 2 MB: 7–12 segments at
 * 100,000 cases, 21–25 at 1M).
 *
 * <p>Why not the stricter policy always: a search pays per segment (its weights, its sort comparators, the first
 * page's hits of each, the clauses Lucene's query cache skips on segments under 3% of the index: searchTerm at
 * 0.2–0.3× GetCase with 7–12 segments against 0.5–0.6× with 2–3), but under 1,000 writes/s the stricter policy's
 * merges of each refresh's segment took the cores from the requests (search p99 under writes 26 ms against 14 ms,
 * GetCase's 17 ms against 12 ms, same run, 2026-12-07). Idle, the merges cost nothing anyone waits for; the first
 * write after them switches back, and a merge already running finishes.
 */
final class IdleCompaction extends FilterMergePolicy {
    static final long IDLE = TimeUnit.SECONDS.toNanos(1);
    private static final double FLOOR_MB = 32;
    private static final long SMALL_BYTES = (long) (FLOOR_MB * 1024 * 1024);
    /** A small segment this many times the size of the smaller ones together is left out of their merge. */
    private static final long DOMINANT = 8;

    private final MergePolicy compact = new TieredMergePolicy().setSegmentsPerTier(3).setFloorSegmentMB(FLOOR_MB);
    private final boolean compoundFiles;
    private volatile boolean compacting;
    private volatile long lastWrite = System.nanoTime();

    /**
     * @param compoundFiles whether merged segments may be packed into one compound file as Lucene's policy decides:
     *                      on disk that saves file handles; on the heap it would only copy the segment once more
     */
    IdleCompaction(boolean compoundFiles) {
        super(new TieredMergePolicy());
        this.compoundFiles = compoundFiles;
    }

    @Override
    public boolean useCompoundFile(SegmentInfos infos, SegmentCommitInfo merged, MergeContext context)
            throws IOException {
        return compoundFiles && super.useCompoundFile(infos, merged, context);
    }

    /** A write is about to reach the writer: the flushes and merges it causes follow the tiered defaults. */
    void writing(long now) {
        lastWrite = now;
        if (compacting) {
            compacting = false;
        }
    }

    /** Whether the index has been idle long enough to compact, and has not compacted since its last write. */
    boolean idle(long now) {
        return !compacting && now - lastWrite >= IDLE;
    }

    /** Compacts when {@link #idle}: the merges are handed to the writer's scheduler, which runs them in the background. */
    void compactIfIdle(IndexWriter writer, long now) throws IOException {
        if (idle(now)) {
            compact(writer);
        }
    }

    /** Compacts now, idle or not (benchmarks and tests). */
    void compact(IndexWriter writer) throws IOException {
        compacting = true;
        writer.maybeMerge();
    }

    boolean compacting() {
        return compacting;
    }

    /**
     * Idle: the stricter tiers first; once they are met, the segments under their floor that they still let stand
     * apart (a 100,000-case index kept three of 74–2,219 documents beside its large one, and searchTerm ran at 0.29×
     * GetCase against 0.69× with one small segment) are merged into one.
     */
    @Override
    public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        if (!compacting) {
            return in.findMerges(trigger, infos, context);
        }
        MergeSpecification tiered = compact.findMerges(trigger, infos, context);
        if (tiered != null) {
            return tiered;
        }
        var merging = context.getMergingSegments();
        var sizes = new java.util.HashMap<SegmentCommitInfo, Long>();
        for (SegmentCommitInfo info : infos) {
            long size = size(info, context);
            if (!merging.contains(info) && size < SMALL_BYTES) {
                sizes.put(info, size);
            }
        }
        var small = new java.util.ArrayList<>(sizes.keySet());
        small.sort(java.util.Comparator.comparing(sizes::get, java.util.Comparator.reverseOrder()));
        // Not the largest of them again and again for a few new small ones: under a trickle of writes (one every
        // few seconds, an idle second between them) that would rewrite up to the floor's 32 MB each time. It joins
        // once the rest has grown to an eighth of it, so what it costs stays in proportion to what was written.
        long rest = sizes.values().stream().mapToLong(Long::longValue).sum();
        while (small.size() >= 2) {
            long largest = sizes.get(small.get(0));
            rest -= largest;
            if (largest <= DOMINANT * rest) {
                break;
            }
            small.remove(0);
        }
        if (small.size() < 2) {
            return null;
        }
        var merges = new MergeSpecification();
        merges.add(new OneMerge(small));
        return merges;
    }
}
