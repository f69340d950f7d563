package io.opencases.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FlushInfo;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.MergeInfo;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's directory on the heap: blocks sized for their segment, files read back whole. */
class HeapDirectoryTest {

    @Test
    void aFilesFirstBlockGrowsWithTheSegmentItBelongsTo() {
        // A refresh's segment of a few cases: Lucene's default 1 KB, not a 64 KB block per file.
        assertThat(HeapDirectory.firstBlockBits(new IOContext(new FlushInfo(4, 20_000)))).isEqualTo(10);
        assertThat(HeapDirectory.firstBlockBits(IOContext.DEFAULT)).isEqualTo(10);
        assertThat(HeapDirectory.firstBlockBits(new IOContext(new FlushInfo(50_000, 8L << 20)))).isEqualTo(13);
        // A rebuild's flushes and merges of hundreds of MB: 64 KB.
        assertThat(HeapDirectory.firstBlockBits(new IOContext(new MergeInfo(1_000_000, 300L << 20, false, 1))))
                .isEqualTo(16);
        assertThat(HeapDirectory.firstBlockBits(new IOContext(new FlushInfo(100_000, 256L << 20)))).isEqualTo(16);
    }

    @Test
    void whatIsWrittenIsReadBackWholeFromFlushesAndMergesOfEverySize() throws Exception {
        var random = new Random(7);
        try (var directory = HeapDirectory.create();
             var writer = new IndexWriter(directory, new IndexWriterConfig().setUseCompoundFile(false))) {
            int cases = 0;
            // Segments of 1 to 4,000 documents, then one merge of them all.
            for (int size : new int[] {1, 3, 40, 4_000}) {
                for (int i = 0; i < size; i++) {
                    var document = new Document();
                    document.add(new StringField("id", "c" + cases++, Field.Store.YES));
                    document.add(new StringField("word", Long.toString(random.nextLong(), 36), Field.Store.YES));
                    writer.addDocument(document);
                }
                writer.flush();
            }
            writer.forceMerge(1);
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                var searcher = new IndexSearcher(reader);
                assertThat(reader.leaves()).hasSize(1);
                assertThat(reader.numDocs()).isEqualTo(cases);
                for (int id = 0; id < cases; id += 97) {
                    var hits = searcher.search(new TermQuery(new Term("id", "c" + id)), 2);
                    assertThat(hits.scoreDocs).hasSize(1);
                    assertThat(searcher.storedFields().document(hits.scoreDocs[0].doc).get("id")).isEqualTo("c" + id);
                }
            }
        }
    }
}
