package io.opencases.lucene;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.SearchTerms;
import io.opencases.domain.search.SortableValue;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The case index on Lucene: one document per case with keyword, point and doc-values fields per case field, so
 * filters, word-prefix terms and sorts run inside Lucene. A search made after a write refreshes the searcher first,
 * which is what makes search read-your-writes.
 *
 * <p>The case document itself is a stored field (a compact binary encoding, {@link DocumentCodec}) rather than a
 * map beside the index: a page only decodes its own hits (25 stored-field reads cost well under a millisecond), an
 * on-disk index reopens without reading a million documents back, and the heap does not hold every case twice.
 * Segments are sorted in the default order (newest update first), so a page in that order stops after its first
 * hits per segment; the exact total then comes from Lucene's count, which is free when the query is a single term
 * or matches everything.
 */
public final class LuceneCaseIndex implements CaseIndex, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneCaseIndex.class);
    private static final String KEY = "key";
    private static final String DOMAIN = "domain";
    private static final String CASE_ID = "caseId";
    private static final String DOCUMENT = "doc";
    /** Bumped whenever the fields change: an index of another version is wiped and rebuilt by the caller. */
    private static final String FORMAT = "2";
    private static final String FORMAT_KEY = "opencases.format";
    private static final String POSITION_KEY = "opencases.feedPosition";
    private static final Sort DEFAULT_SORT = sort(CaseSort.DEFAULT);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Writes completed, and writes the current searcher is known to see: a search refreshes when they differ. */
    private final AtomicLong written = new AtomicLong();
    private volatile long visible;
    private final Object refreshLock = new Object();
    /** Refreshes made and the time they took, for the server's metrics. */
    private final java.util.concurrent.atomic.LongAdder refreshes = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder refreshNanos = new java.util.concurrent.atomic.LongAdder();

    public LuceneCaseIndex() {
        this(new ByteBuffersDirectory());
    }

    public LuceneCaseIndex(Directory directory) {
        this(directory, IndexWriterConfig.OpenMode.CREATE);
    }

    private LuceneCaseIndex(Directory directory, IndexWriterConfig.OpenMode mode) {
        this.directory = directory;
        IndexWriter opened = null;
        try {
            opened = new IndexWriter(directory, new IndexWriterConfig()
                    .setOpenMode(mode)
                    .setIndexSort(DEFAULT_SORT)
                    .setRAMBufferSizeMB(256)
                    // Only checkpoint() commits: what was written after the last checkpoint is replayed, not kept.
                    .setCommitOnClose(false));
            this.writer = opened;
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                try {
                    opened.rollback();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * The index kept in {@code path} (memory-mapped). An index that cannot be opened (corrupt, too old, written
     * with other fields) is logged, wiped and started empty, so {@link #checkpointedPosition()} is empty and the
     * caller rebuilds it. An index locked by another process is an error, not a reason to wipe it.
     */
    public static LuceneCaseIndex open(Path path) {
        Directory directory;
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (DirectoryReader.indexExists(directory)
                    && !FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY))) {
                LOG.warn("Case index in {} has another format; starting it empty to be rebuilt", path);
                return new LuceneCaseIndex(directory, IndexWriterConfig.OpenMode.CREATE);
            }
            return new LuceneCaseIndex(directory, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                closeQuietly(directory, e);
                throw e;
            }
            return wipedAndEmpty(directory, path, e.getCause());
        } catch (IOException | RuntimeException e) {
            return wipedAndEmpty(directory, path, e);
        }
    }

    private static void closeQuietly(Directory directory, Exception failure) {
        try {
            directory.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static LuceneCaseIndex wipedAndEmpty(Directory directory, Path path, Exception cause) {
        LOG.warn("Case index in {} cannot be opened; wiping it to be rebuilt", path, cause);
        try {
            for (String file : directory.listAll()) {
                directory.deleteFile(file);
            }
        } catch (IOException e) {
            e.addSuppressed(cause);
            throw new UncheckedIOException("cannot wipe the case index in " + path, e);
        }
        return new LuceneCaseIndex(directory, IndexWriterConfig.OpenMode.CREATE);
    }

    @Override
    public void upsert(CaseDocument document) {
        String key = key(document.domainId(), document.caseId());
        try {
            writer.updateDocument(new Term(KEY, key), toLucene(key, document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.incrementAndGet();
    }

    /**
     * Upserts many documents at once, as a rebuild does: a document whose case the index does not hold yet is
     * added without the delete-by-key that an upsert costs (after {@link #clear()} that is every document). A case
     * repeated in {@code documents} ends with its last document. Not atomic, and not meant to run alongside upserts
     * of the same cases. (Indexing on two threads measured no faster on the two shared cores, so it is one.)
     */
    @Override
    public void upsertAll(Iterable<CaseDocument> documents) {
        try {
            refresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                var seen = new HashSet<String>();
                for (CaseDocument document : documents) {
                    String key = key(document.domainId(), document.caseId());
                    Term term = new Term(KEY, key);
                    if (seen.add(key) && (reader.maxDoc() == 0 || reader.docFreq(term) == 0)) {
                        writer.addDocument(toLucene(key, document));
                    } else {
                        writer.updateDocument(term, toLucene(key, document));
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            written.incrementAndGet();
        }
    }

    @Override
    public void remove(String domainId, String caseId) {
        try {
            writer.deleteDocuments(new Term(KEY, key(domainId, caseId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.incrementAndGet();
    }

    @Override
    public void removeDomain(String domainId) {
        try {
            writer.deleteDocuments(new Term(DOMAIN, domainId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.incrementAndGet();
    }

    /** Removes every document (before a rebuild). Like any write, it is durable only at the next checkpoint. */
    @Override
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.incrementAndGet();
    }

    /**
     * Makes everything written so far durable, recording {@code feedPosition}: the position in the change feed up to
     * which the index is complete, where a restart resumes.
     */
    @Override
    public void checkpoint(long feedPosition) {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, POSITION_KEY, Long.toString(feedPosition)).entrySet());
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The position recorded by the last checkpoint; empty when there was none, or it is of another format. */
    @Override
    public OptionalLong checkpointedPosition() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return OptionalLong.empty();
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            String position = data.get(POSITION_KEY);
            if (!FORMAT.equals(data.get(FORMAT_KEY)) || position == null) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(position));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the case index checkpoint", e);
            return OptionalLong.empty();
        }
    }

    @Override
    public Hits search(String domainId, CaseIndex.Query query) {
        try {
            refresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                org.apache.lucene.search.Query lucene = toLucene(searcher.getIndexReader(), domainId, query);
                Sort sort = query.sorts().equals(CaseSort.DEFAULT) ? DEFAULT_SORT : sort(query.sorts());
                FieldDoc after = query.after() == null ? null
                        : after(query.after(), query.sorts(), searcher.getIndexReader().maxDoc());
                // Counting only up to the page lets Lucene stop early (index sort) or skip; the total comes after.
                TopDocs top = searcher.search(lucene,
                        new TopFieldCollectorManager(sort, query.limit(), after, query.limit()));
                long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value
                        : searcher.count(lucene);
                StoredFields stored = searcher.storedFields();
                var hits = new ArrayList<CaseDocument>(top.scoreDocs.length);
                for (ScoreDoc hit : top.scoreDocs) {
                    hits.add(DocumentCodec.decode(stored.document(hit.doc).getBinaryValue(DOCUMENT)));
                }
                return new Hits(hits, total);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code work} on a searcher that sees every completed write: for benchmarks and diagnostics that query the
     * index with hand-written Lucene. The searcher must not be kept after {@code work} returns.
     */
    public <T> T withSearcher(Function<IndexSearcher, T> work) {
        try {
            refresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents in the index (every live case of every domain), for the server's metrics. */
    public long documentCount() {
        return writer.getDocStats().numDocs;
    }

    /** How many times searches had to refresh to see new writes. */
    public long refreshCount() {
        return refreshes.sum();
    }

    /** The time those refreshes took in all, in nanoseconds. */
    public long refreshNanos() {
        return refreshNanos.sum();
    }

    /** Makes every completed write visible to the next searcher acquired. */
    private void refresh() throws IOException {
        if (visible == written.get()) {
            return;
        }
        synchronized (refreshLock) {
            long target = written.get();
            if (visible != target) {
                long began = System.nanoTime();
                searchers.maybeRefreshBlocking();
                refreshNanos.add(System.nanoTime() - began);
                refreshes.increment();
                visible = target;
            }
        }
    }

    private static org.apache.lucene.search.Query toLucene(IndexReader reader, String domainId,
                                                           CaseIndex.Query query) throws IOException {
        var builder = new BooleanQuery.Builder();
        Term domain = new Term(DOMAIN, domainId);
        // When every document is the domain's (the usual single-domain server), its clause would only cost time.
        if (reader.maxDoc() == 0 || reader.docFreq(domain) != reader.maxDoc()) {
            builder.add(new TermQuery(domain), BooleanClause.Occur.FILTER);
        }
        if (query.filter() != null) {
            builder.add(LuceneFilters.toQuery(query.filter()), BooleanClause.Occur.FILTER);
        }
        for (String word : query.termWords()) {
            builder.add(new PrefixQuery(new Term(LuceneFields.WORD, word)), BooleanClause.Occur.FILTER);
        }
        BooleanQuery built = builder.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    /** Per case sort: the key's two longs and the text tie-breaker (see LuceneFields), then the case id. */
    private static Sort sort(List<CaseSort> sorts) {
        var fields = new ArrayList<SortField>();
        for (CaseSort s : sorts) {
            boolean reverse = !s.ascending();
            var high = new SortField(LuceneFields.order(s.fieldId()), SortField.Type.LONG, reverse);
            // Cases without a value come last whichever the direction.
            high.setMissingValue(s.ascending() ? Long.MAX_VALUE : Long.MIN_VALUE);
            var low = new SortField(LuceneFields.orderLow(s.fieldId()), SortField.Type.LONG, reverse);
            low.setMissingValue(0L);
            var text = new SortField(LuceneFields.textOrder(s.fieldId()), SortField.Type.STRING, reverse);
            text.setMissingValue(s.ascending() ? SortField.STRING_LAST : SortField.STRING_FIRST);
            fields.add(high);
            fields.add(low);
            fields.add(text);
        }
        fields.add(new SortField(CASE_ID, SortField.Type.STRING));
        return new Sort(fields.toArray(new SortField[0]));
    }

    /**
     * The cursor as Lucene's "after" hit. Keys end with the unique case id, so a tie can only be the cursor's own
     * case; the highest doc id makes Lucene treat that tie as already seen.
     */
    private static FieldDoc after(CaseOrdering.Key key, List<CaseSort> sorts, int maxDoc) {
        var values = new ArrayList<Object>();
        for (int i = 0; i < key.sortValues().size(); i++) {
            FieldValue v = key.sortValues().get(i);
            if (v == null) {
                values.add(sorts.get(i).ascending() ? Long.MAX_VALUE : Long.MIN_VALUE);
                values.add(0L);
                values.add(null);
            } else {
                SortableValue sortable = SortableValue.of(v);
                values.add(LuceneFields.orderHigh(sortable));
                values.add(LuceneFields.orderLow(sortable));
                values.add(sortable.kind() == SortableValue.Kind.TEXT ? LuceneFields.utf16(sortable.text()) : null);
            }
        }
        values.add(new BytesRef(key.caseId()));
        return new FieldDoc(maxDoc - 1, Float.NaN, values.toArray());
    }

    private static Document toLucene(String key, CaseDocument document) {
        var doc = new Document();
        doc.add(new StringField(KEY, key, Field.Store.NO));
        doc.add(new StringField(DOMAIN, document.domainId(), Field.Store.NO));
        doc.add(new SortedDocValuesField(CASE_ID, new BytesRef(document.caseId())));
        doc.add(new StoredField(DOCUMENT, DocumentCodec.encode(document)));
        document.values().forEach((id, value) -> LuceneFields.add(doc, id, value));
        document.tags().forEach((k, v) -> LuceneFields.addTag(doc, k, v));
        for (String word : SearchTerms.caseWords(document)) {
            doc.add(new StringField(LuceneFields.WORD, word, Field.Store.NO));
        }
        return doc;
    }

    private static String key(String domainId, String caseId) {
        return domainId + "/" + caseId;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
