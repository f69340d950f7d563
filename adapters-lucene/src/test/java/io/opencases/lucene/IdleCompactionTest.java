package io.opencases.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge policy that compacts an idle index and goes back to Lucene's defaults at the next write. */
class IdleCompactionTest {

    @Test
    void anIndexIsIdleASecondAfterItsLastWriteAndOnlyUntilItCompacts() throws Exception {
        var policy = new IdleCompaction(true);
        policy.writing(1_000);
        assertThat(policy.idle(1_000 + IdleCompaction.IDLE - 1)).isFalse();
        assertThat(policy.idle(1_000 + IdleCompaction.IDLE)).isTrue();
        try (var directory = new ByteBuffersDirectory();
             var writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(policy))) {
            policy.compactIfIdle(writer, 1_000 + IdleCompaction.IDLE);
            assertThat(policy.compacting()).isTrue();
            assertThat(policy.idle(1_000 + 10 * IdleCompaction.IDLE)).as("compacted since the last write").isFalse();
        }
        policy.writing(5_000);
        assertThat(policy.compacting()).isFalse();
        assertThat(policy.idle(5_000 + IdleCompaction.IDLE)).isTrue();
    }

    @Test
    void compactingMergesTheSmallSegmentsThatTheDefaultsKeepAndAWriteSwitchesBack() throws Exception {
        var policy = new IdleCompaction(true);
        try (var directory = new ByteBuffersDirectory();
             var writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(policy))) {
            for (int segment = 0; segment < 9; segment++) {
                write(policy, writer, segment);
            }
            assertThat(segments(writer)).as("the defaults keep up to ten per tier").isEqualTo(9);

            policy.compact(writer);
            awaitMerges(writer);
            assertThat(segments(writer)).as("all under the floor: one").isEqualTo(1);
            int compacted = segments(writer);

            for (int segment = 9; segment < 14; segment++) {
                write(policy, writer, segment);
            }
            assertThat(policy.compacting()).isFalse();
            assertThat(segments(writer)).as("written again: the defaults, which let them be")
                    .isEqualTo(compacted + 5);
            try (var reader = DirectoryReader.open(writer)) {
                assertThat(reader.numDocs()).isEqualTo(14 * 20);
            }
        }
    }

    @Test
    void aFewNewDocumentsDoNotMakeItRewriteASegmentManyTimesTheirSize() throws Exception {
        var policy = new IdleCompaction(true);
        try (var directory = new ByteBuffersDirectory();
             var writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(policy))) {
            write(policy, writer, 0, 5_000);
            write(policy, writer, 1, 20);

            policy.compact(writer);
            awaitMerges(writer);

            assertThat(segments(writer)).isEqualTo(2);
        }
    }

    private static void write(IdleCompaction policy, IndexWriter writer, int segment) throws Exception {
        write(policy, writer, segment, 20);
    }

    private static void write(IdleCompaction policy, IndexWriter writer, int segment, int documents)
            throws Exception {
        policy.writing(System.nanoTime());
        for (int i = 0; i < documents; i++) {
            var document = new Document();
            document.add(new StringField("id", segment + "-" + i, Field.Store.NO));
            writer.addDocument(document);
        }
        writer.flush();
    }

    private static void awaitMerges(IndexWriter writer) throws Exception {
        var scheduler = (ConcurrentMergeScheduler) writer.getConfig().getMergeScheduler();
        do {
            scheduler.sync();
        } while (writer.hasPendingMerges() || scheduler.mergeThreadCount() > 0);
    }

    private static int segments(IndexWriter writer) throws Exception {
        try (var reader = DirectoryReader.open(writer)) {
            return reader.leaves().size();
        }
    }
}
