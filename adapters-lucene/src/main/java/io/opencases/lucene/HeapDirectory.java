package io.opencases.lucene;

import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.SingleInstanceLockFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The index's directory on the heap (memory storage): Lucene's {@link ByteBuffersDirectory}, with its files written
 * in blocks sized for the segment they belong to and read back as one array each.
 *
 * <p><b>Reading.</b> Each file is one array read as two blocks, not Lucene's default list of up to a hundred blocks:
 * every search opens the page's doc values per segment, and each open slices the file, duplicating each block it
 * covers (JFR, in-process, 100,000 cases: slicing was half of reading a page's documents). Copying a file into one
 * array once, when it is written, is cheaper than that on every search. Larger files keep their blocks (an array
 * holds at most 2 GB). Each input is named after its file alone: the default name lists every block.
 *
 * <p><b>Writing.</b> A file's first block is sized from the segment the writer says it is writing (the
 * {@link IOContext}'s flush or merge estimate): from Lucene's default 1 KB for the small segment a refresh flushes,
 * up to 64 KB for a merge or a flush of 64 MB or more.
 * <ul>
 *   <li>1 KB blocks for everything: a merge writes files of hundreds of MB as a thousand times more blocks, which the
 *   output copies into blocks twice as large each time it holds a hundred. That was the largest single source of a
 *   1M rebuild's allocation on the memory store (12% of JFR's samples).</li>
 *   <li>64 KB blocks for everything: under 1,000 writes/s each refresh that searches ask for flushes a segment of a
 *   few dozen cases, a dozen files of a few KB, and their 64 KB first blocks were 16% of the server's allocation
 *   (JFR, 2026-12-07).</li>
 * </ul>
 * {@link ByteBuffersDirectory} is final and asks its block supplier for an output without the context, so this
 * directory hands the size to the supplier through a thread-local for the moment of the call: the supplier runs on
 * the calling thread, inside {@code createOutput}.
 */
final class HeapDirectory extends FilterDirectory {
    /** Files up to this size are held in one array each. */
    private static final long ONE_ARRAY_UP_TO = 1L << 30;
    private static final int MIN_BLOCK_BITS = ByteBuffersDataOutput.DEFAULT_MIN_BITS_PER_BLOCK;
    private static final int MAX_FIRST_BLOCK_BITS = 16;
    /**
     * A segment of 2^n bytes gets first blocks of 2^(n - this): a segment has a dozen files, and a block a
     * thousandth of the segment lets the larger ones grow through few block copies.
     */
    private static final int SEGMENT_TO_BLOCK_BITS = 10;
    private static final ThreadLocal<Integer> FIRST_BLOCK_BITS = new ThreadLocal<>();

    private HeapDirectory(Directory in) {
        super(in);
    }

    static Directory create() {
        return new HeapDirectory(new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                () -> {
                    Integer bits = FIRST_BLOCK_BITS.get();
                    return new ByteBuffersDataOutput(bits == null ? MIN_BLOCK_BITS : bits,
                            ByteBuffersDataOutput.DEFAULT_MAX_BITS_PER_BLOCK, ByteBuffersDataOutput.ALLOCATE_BB_ON_HEAP,
                            ByteBuffersDataOutput.NO_REUSE);
                },
                (fileName, output) -> new ByteBuffersIndexInput(twoBlocks(output), fileName)));
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        FIRST_BLOCK_BITS.set(firstBlockBits(context));
        try {
            return super.createOutput(name, context);
        } finally {
            FIRST_BLOCK_BITS.remove();
        }
    }

    /** The first block's size (as a power of two) for a file of the segment the context describes. */
    static int firstBlockBits(IOContext context) {
        long segment = context.mergeInfo != null ? context.mergeInfo.estimatedMergeBytes
                : context.flushInfo != null ? context.flushInfo.estimatedSegmentSize : 0;
        int bits = 63 - Long.numberOfLeadingZeros(Math.max(segment, 1)) - SEGMENT_TO_BLOCK_BITS;
        return Math.max(MIN_BLOCK_BITS, Math.min(MAX_FIRST_BLOCK_BITS, bits));
    }

    /**
     * The file as one array seen as two blocks: the largest power of two below its size, then the rest. Not as one
     * block: Lucene 9.12's ByteBuffersDataInput gives a single block a mask under which every positional read of a
     * long or an int (doc values, packed ints) goes byte by byte (JFR: 40% of reading a page's sort keys).
     */
    private static ByteBuffersDataInput twoBlocks(ByteBuffersDataOutput output) {
        long size = output.size();
        if (size < 2 || size > ONE_ARRAY_UP_TO) {
            return output.toDataInput();
        }
        ByteBuffer all = ByteBuffer.wrap(output.toArrayCopy());
        int first = Integer.highestOneBit((int) size - 1);
        return new ByteBuffersDataInput(List.of(all.slice(0, first), all.slice(first, (int) size - first)));
    }
}
