package io.opencases.lucene;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.SortableValue;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The case index on Lucene: one document per case with about two Lucene fields per case value (see LuceneFields), so
 * filters, word-prefix terms and sorts run inside Lucene. Writes become visible at {@link #refresh()}, which the one
 * indexer thread calls once per batch; searches never refresh, so they neither wait for nor churn the searcher.
 *
 * <p>The case document is a binary doc value (a compact encoding, {@link DocumentCodec}): a page reads its hits'
 * bytes without decompressing stored-field blocks and decodes only the values the caller asked for. Ties between
 * equal sort values, the rule when sorting on a status, break on the case id's 128 bits held as two numeric doc
 * values. Segments are sorted in the default order (newest update first), so a page in that order stops after its
 * first hits per segment; the total is exact up to {@link #COUNT_CAP} matches and the cap beyond.
 * A rebuild fills an index beside this one ({@link #newBeside()}) and swaps it in ({@link #replaceWith}).
 */
public final class LuceneCaseIndex implements CaseIndex, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneCaseIndex.class);
    private static final String KEY = "key";
    private static final String DOMAIN = "domain";
    /** The case id's 128 bits (CaseOrdering.tieKey), high and low, as sortable longs: the last sort keys. */
    private static final String TIE_HIGH = "cid";
    private static final String TIE_LOW = "cid2";
    static final String DOCUMENT = "doc";
    /** Bumped whenever the fields change: an index of another version is wiped and rebuilt by the caller. */
    private static final String FORMAT = "4";
    private static final String FORMAT_KEY = "opencases.format";
    private static final String POSITION_KEY = "opencases.feedPosition";
    private static final Sort DEFAULT_SORT = sort(CaseSort.DEFAULT);
    /**
     * The orders of requested sorts per segment, shared by every index of the process: keyed by segment, whose
     * identity no other index shares, and bounded in the sort lists it keeps.
     */
    private static final SortedPages SORTED_PAGES = new SortedPages(TIE_HIGH, TIE_LOW);
    /** Buffered bytes above which a refresh or checkpoint flushes on every core (see flushInParallel). */
    private static final long PARALLEL_FLUSH_BYTES = 32L << 20;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Where the index lives on disk; null when it lives in memory. */
    private final Path path;
    /**
     * Searches and writes hold it shared; {@link #replaceWith} holds it alone for the moment it puts the rebuilt
     * index in place, so no search ever meets a closed searcher.
     */
    private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();
    private volatile Engine engine;
    /** Refreshes made and the time they took, for the server's metrics. */
    private final java.util.concurrent.atomic.LongAdder refreshes = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder refreshNanos = new java.util.concurrent.atomic.LongAdder();

    /** A directory with its writer and its searchers. */
    private static final class Engine {
        final Directory directory;
        final IndexWriter writer;
        final SearcherManager searchers;
        /** Lucene's tiered merges while cases are written; fewer, larger segments once none has been for a while. */
        final IdleCompaction merges;
        /**
         * Whether searches use this engine: only then are merged segments given the sorts' orders. An index being
         * rebuilt beside the live one merges often and is searched only after the swap.
         */
        volatile boolean live;

        Engine(Directory directory, IndexWriterConfig.OpenMode mode) {
            this.directory = directory;
            // Compound files save file handles on disk; on the heap packing a segment into one only copies it again,
            // for every segment a refresh flushes.
            boolean compoundFiles = !(directory instanceof HeapDirectory);
            this.merges = new IdleCompaction(compoundFiles);
            IndexWriter opened = null;
            try {
                opened = new IndexWriter(directory, new IndexWriterConfig()
                        .setOpenMode(mode)
                        .setIndexSort(DEFAULT_SORT)
                        .setRAMBufferSizeMB(256)
                        .setUseCompoundFile(compoundFiles)
                        .setMergePolicy(merges)
                        // Lucene's merge-on-refresh made each refresh wait (up to 500 ms) for a merge of the small
                        // segments flushed so far: under steady writes the refresh a search waits for took one such
                        // merge in four, 77 ms at the median (JFR). The background merges do the same work off the
                        // path of the search that waits for a refresh.
                        .setMaxFullFlushMergeWaitMillis(0)
                        // A merged segment gets the orders of the sorts in use before searches see it.
                        .setMergedSegmentWarmer(reader -> {
                            if (live) {
                                SORTED_PAGES.warm(reader);
                            }
                        })
                        // Only checkpoint() commits: what was written after the last checkpoint is replayed.
                        .setCommitOnClose(false));
                this.writer = opened;
                this.searchers = new SearcherManager(writer, SEARCHERS);
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

        void close() throws IOException {
            try {
                searchers.close();
                writer.close();
            } finally {
                directory.close();
            }
        }
    }

    /**
     * The searchers' query cache: it caches a clause once it has been seen a few times, so repeated filters (a status,
     * a range) stop re-reading their postings and points (without it, a filter on half of 100,000 cases re-walked the
     * points on every query). Lucene's own, with one rule changed: it caches on every segment of 10,000 documents or
     * more, where Lucene's default also skips segments under 3% of the index. At 1M cases that left the filter's point
     * range and term to be intersected again on every search in four to sixteen segments of 20,000–30,000 documents
     * (100,000 documents in all, half the filter's time, JFR 2026-12-07). The bounds are Lucene's (1,000 queries,
     * 32 MB, or a twentieth of the heap if less); the small segments each batch's refresh adds stay uncached.
     */
    private static final org.apache.lucene.search.QueryCache QUERY_CACHE = new org.apache.lucene.search.LRUQueryCache(
            1000, Math.min(32L << 20, Runtime.getRuntime().maxMemory() / 20),
            leaf -> leaf.reader().maxDoc() >= 10_000, 10);
    private static final SearcherFactory SEARCHERS = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            var searcher = new IndexSearcher(reader);
            searcher.setQueryCache(QUERY_CACHE);
            return searcher;
        }
    };

    public LuceneCaseIndex() {
        this(HeapDirectory.create());
    }

    public LuceneCaseIndex(Directory directory) {
        this(directory, IndexWriterConfig.OpenMode.CREATE, null);
    }

    private LuceneCaseIndex(Directory directory, IndexWriterConfig.OpenMode mode, Path path) {
        this.path = path;
        this.engine = new Engine(directory, mode);
        engine.live = true;
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
            // A rebuild that did not finish leaves its half-built index beside this one.
            deleteTree(beside(path));
            directory = FSDirectory.open(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (DirectoryReader.indexExists(directory)
                    && !FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY))) {
                LOG.warn("Case index in {} has another format; starting it empty to be rebuilt", path);
                return new LuceneCaseIndex(directory, IndexWriterConfig.OpenMode.CREATE, path);
            }
            return new LuceneCaseIndex(directory, IndexWriterConfig.OpenMode.CREATE_OR_APPEND, path);
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
        return new LuceneCaseIndex(directory, IndexWriterConfig.OpenMode.CREATE, path);
    }

    /** A write on the current engine: the merges go back to Lucene's tiered policy before it. */
    private <T> T writing(EngineWork<T> work) {
        return withEngine(e -> {
            e.merges.writing(System.nanoTime());
            return work.run(e);
        });
    }

    /** Work on the current engine; a swap waits for it, and it for a swap. */
    private interface EngineWork<T> {
        T run(Engine engine) throws IOException;
    }

    private <T> T withEngine(EngineWork<T> work) {
        var shared = swapLock.readLock();
        shared.lock();
        try {
            return work.run(engine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            shared.unlock();
        }
    }

    @Override
    public void upsert(CaseDocument document) {
        String key = key(document.domainId(), document.caseId());
        writing(e -> e.writer.updateDocument(new Term(KEY, key), toLucene(key, document)));
    }

    /**
     * Upserts many documents at once: a document whose case the index does not hold yet (as the last refresh saw
     * it) is added without the delete-by-key that an upsert costs. A case repeated in {@code documents} ends with its
     * last document. Not atomic, and not meant to run alongside upserts of the same cases.
     */
    @Override
    public void upsertAll(Iterable<CaseDocument> documents) {
        writing(e -> {
            e.searchers.maybeRefreshBlocking();
            IndexSearcher searcher = e.searchers.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                var seen = new HashSet<String>();
                for (CaseDocument document : documents) {
                    String key = key(document.domainId(), document.caseId());
                    Term term = new Term(KEY, key);
                    if (seen.add(key) && (reader.maxDoc() == 0 || reader.docFreq(term) == 0)) {
                        e.writer.addDocument(toLucene(key, document));
                    } else {
                        e.writer.updateDocument(term, toLucene(key, document));
                    }
                }
            } finally {
                e.searchers.release(searcher);
            }
            return null;
        });
    }

    /**
     * Adds documents of cases this index does not hold (a rebuild's pages, each case once): no delete-by-key and no
     * refresh, the fast path that makes a rebuild run at Lucene's indexing speed.
     */
    @Override
    public void addNew(Iterable<CaseDocument> documents) {
        writing(e -> {
            for (CaseDocument document : documents) {
                e.writer.addDocument(toLucene(key(document.domainId(), document.caseId()), document));
            }
            return null;
        });
    }

    @Override
    public void remove(String domainId, String caseId) {
        writing(e -> e.writer.deleteDocuments(new Term(KEY, key(domainId, caseId))));
    }

    @Override
    public void removeDomain(String domainId) {
        writing(e -> e.writer.deleteDocuments(new Term(DOMAIN, domainId)));
    }

    /** Removes every document. Like any write, it is durable only at the next checkpoint. */
    @Override
    public void clear() {
        writing(e -> e.writer.deleteAll());
    }

    /** Makes every completed write visible to the searches that start afterwards (one indexer calls it per batch). */
    @Override
    public void refresh() {
        withEngine(e -> {
            long began = System.nanoTime();
            flushInParallel(e.writer);
            e.searchers.maybeRefreshBlocking();
            refreshNanos.add(System.nanoTime() - began);
            refreshes.increment();
            return null;
        });
    }

    /**
     * When much is buffered (a rebuild's or a bulk load's last documents, one buffer per thread that added them),
     * flushes the buffers on as many threads as there are cores before the refresh or commit, which would otherwise
     * flush them one after the other on the calling thread: sorting, inverting and writing a buffer is about as much
     * work as filling it. A refresh after a few changes has little buffered and skips this.
     */
    private static void flushInParallel(IndexWriter writer) throws IOException {
        if (writer.ramBytesUsed() < PARALLEL_FLUSH_BYTES || CORES < 2) {
            return;
        }
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var helpers = new ArrayList<Thread>();
        for (int i = 1; i < CORES; i++) {
            var helper = new Thread(() -> {
                try {
                    while (writer.flushNextBuffer()) {
                        // One buffer flushed; take the next, if any.
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }, "opencases-index-flush");
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        while (writer.flushNextBuffer()) {
            // Flushing beside the helpers.
        }
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while flushing the case index", e);
            }
        }
        Throwable failed = failure.get();
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed != null) {
            throw (Error) failed;
        }
    }

    /** Documents in the index (every live case of every domain), for the server's metrics. */
    public long documentCount() {
        return engine.writer.getDocStats().numDocs;
    }

    /** How many times the indexer refreshed the searchers to make its batches visible. */
    public long refreshCount() {
        return refreshes.sum();
    }

    /** The time those refreshes took in all, in nanoseconds. */
    public long refreshNanos() {
        return refreshNanos.sum();
    }

    /** An empty index beside this one: in memory when this one is, else in a sibling directory. */
    @Override
    public CaseIndex newBeside() {
        if (path == null) {
            return notLiveYet(new LuceneCaseIndex());
        }
        Path dir = beside(path);
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
            return notLiveYet(new LuceneCaseIndex(FSDirectory.open(dir), IndexWriterConfig.OpenMode.CREATE, dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts {@code built} in this one's place. On disk the built index is committed and closed, then, for the moment
     * its files take the place of this one's (so the next start finds it where the live index was), searches wait.
     * The caller checkpoints afterwards; a crash before that leaves an index without a checkpoint, rebuilt at start.
     */
    @Override
    public void replaceWith(CaseIndex built) {
        var other = (LuceneCaseIndex) built;
        Engine next = other.engine;
        try {
            next.searchers.maybeRefreshBlocking();
            if (path != null) {
                next.writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
                next.writer.commit();
                next.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var exclusive = swapLock.writeLock();
        exclusive.lock();
        try {
            Engine old = engine;
            if (path == null) {
                next.live = true;
                engine = next;
                old.close();
                return;
            }
            old.writer.rollback();
            old.searchers.close();
            old.directory.close();
            deleteTree(path);
            Files.move(other.path, path, StandardCopyOption.ATOMIC_MOVE);
            engine = new Engine(FSDirectory.open(path), IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            engine.live = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            exclusive.unlock();
        }
    }

    private static LuceneCaseIndex notLiveYet(LuceneCaseIndex index) {
        index.engine.live = false;
        return index;
    }

    private static Path beside(Path path) {
        return path.resolveSibling(path.getFileName() + ".rebuild");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Makes everything written so far durable, recording {@code feedPosition}: the position in the change feed up to
     * which the index is complete, where a restart resumes.
     */
    @Override
    public void checkpoint(long feedPosition) {
        withEngine(e -> {
            flushInParallel(e.writer);
            e.writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, POSITION_KEY, Long.toString(feedPosition))
                    .entrySet());
            return e.writer.commit();
        });
    }

    /** The position recorded by the last checkpoint; empty when there was none, or it is of another format. */
    @Override
    public OptionalLong checkpointedPosition() {
        try {
            Directory directory = engine.directory;
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
        return withEngine(e -> {
            IndexSearcher searcher = e.searchers.acquire();
            try {
                return search(searcher, domainId, toLucene(searcher.getIndexReader(), domainId, query), query,
                        query.limit());
            } finally {
                e.searchers.release(searcher);
            }
        });
    }

    /**
     * Leaves the cases {@code caseIds} out on one searcher: how many of them match is found first (at most as many
     * as there are), the page is asked for that many hits more and they are dropped from it, and the total loses
     * them. A total at the cap is only a lower bound, so it is counted again up to the cap plus them.
     */
    @Override
    public Hits searchExcluding(String domainId, CaseIndex.Query query, Set<String> caseIds) {
        if (caseIds.isEmpty()) {
            return search(domainId, query);
        }
        return withEngine(e -> {
            IndexSearcher searcher = e.searchers.acquire();
            try {
                org.apache.lucene.search.Query lucene = toLucene(searcher.getIndexReader(), domainId, query);
                long excluded = matching(searcher, lucene, domainId, caseIds);
                if (excluded == 0) {
                    return search(searcher, domainId, lucene, query, query.limit());
                }
                Hits hits = search(searcher, domainId, lucene, query,
                        (int) Math.min(Integer.MAX_VALUE, query.limit() + excluded));
                var kept = new ArrayList<CaseDocument>(query.limit());
                for (CaseDocument d : hits.documents()) {
                    if (kept.size() < query.limit() && !caseIds.contains(d.caseId())) {
                        kept.add(d);
                    }
                }
                long total = hits.totalCount() != COUNT_CAP ? hits.totalCount() - excluded
                        : Math.min(COUNT_CAP, count(searcher, lucene, COUNT_CAP + excluded) - excluded);
                return new Hits(kept, total);
            } finally {
                e.searchers.release(searcher);
            }
        });
    }

    /**
     * How many of the domain's cases {@code caseIds} the searcher holds and {@code query} matches: each is looked up
     * by its key, and only in a segment holding one is the query's scorer (without the query cache, led by these few
     * documents) advanced to them. New cases, the usual ones, cost a term lookup per segment.
     */
    private static long matching(IndexSearcher searcher, org.apache.lucene.search.Query query, String domainId,
                                 Set<String> caseIds) throws IOException {
        var keys = new ArrayList<BytesRef>(caseIds.size());
        for (String caseId : caseIds) {
            keys.add(new BytesRef(key(domainId, caseId)));
        }
        long matching = 0;
        Weight weight = null;
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(KEY);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            var found = new ArrayList<Integer>();
            for (BytesRef key : keys) {
                if (te.seekExact(key)) {
                    postings = te.postings(postings, PostingsEnum.NONE);
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if (live == null || live.get(d)) {
                            found.add(d);
                        }
                    }
                }
            }
            if (found.isEmpty()) {
                continue;
            }
            if (weight == null) {
                var uncached = new IndexSearcher(searcher.getIndexReader());
                uncached.setQueryCache(null);
                weight = uncached.createWeight(uncached.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            }
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            found.sort(null);
            DocIdSetIterator it = scorer.iterator();
            for (int d : found) {
                int at = it.docID() < d ? it.advance(d) : it.docID();
                if (at == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                if (at == d) {
                    matching++;
                }
            }
        }
        return matching;
    }

    private Hits search(IndexSearcher searcher, String domainId, org.apache.lucene.search.Query lucene,
                        CaseIndex.Query query, int limit) throws IOException {
        if (!query.sorts().equals(CaseSort.DEFAULT)) {
            // Requested orders come precomputed per segment; the default one is the index's own order.
            SortedPages.Page page = SORTED_PAGES.search(searcher, lucene, query.sorts(), query.after(), limit);
            return new Hits(documents(searcher, page.docs(), query.fieldIds()), page.total());
        }
        // The default order is the index's own: Lucene stops early in each segment.
        FieldDoc after = query.after() == null ? null
                : after(query.after(), query.sorts(), searcher.getIndexReader().maxDoc());
        // Counting only up to the page lets Lucene stop early (index sort) or skip; the total comes after.
        TopDocs top = searcher.search(lucene, new TopFieldCollectorManager(DEFAULT_SORT, limit, after, limit));
        long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value
                : count(searcher, lucene);
        int[] hits = new int[top.scoreDocs.length];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = top.scoreDocs[i].doc;
        }
        return new Hits(documents(searcher, hits, query.fieldIds()), total);
    }

    /**
     * How many cases match, up to {@link #COUNT_CAP} (the port's rule): exact when at most that many match, otherwise
     * exactly the cap. Segments whose count Lucene knows without looking (a single term without deletions, a clause
     * the query cache holds) are added without looking; the others are counted until the cap is reached. Counting
     * half a million matches would cost more than finding the page. Beyond the cap the free counts are not shown:
     * they depend on the cache and on deletions, and the same search reported 10,000 and then 492,621 (2026-12-07).
     */
    static long count(IndexSearcher searcher, org.apache.lucene.search.Query query) throws IOException {
        return count(searcher, query, COUNT_CAP);
    }

    /** {@link #count(IndexSearcher, org.apache.lucene.search.Query)} with another cap. */
    private static long count(IndexSearcher searcher, org.apache.lucene.search.Query query, long cap)
            throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        long total = 0;
        var uncounted = new ArrayList<LeafReaderContext>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int known = weight.count(leaf);
            if (known >= 0) {
                total += known;
            } else {
                uncounted.add(leaf);
            }
        }
        for (LeafReaderContext leaf : uncounted) {
            if (total >= cap) {
                return cap;
            }
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if ((live == null || live.get(doc)) && ++total >= cap) {
                    return cap;
                }
            }
        }
        return Math.min(total, cap);
    }

    /**
     * The hits' documents, read from the binary doc values in doc-id order per segment (forward-only iterators, no
     * decompression) and decoded with only the wanted values.
     */
    private static List<CaseDocument> documents(IndexSearcher searcher, int[] hits, Set<String> wanted)
            throws IOException {
        // Each hit's doc id with its place in the page in the low bits: sorted as longs, they come in doc-id order.
        long[] byDoc = new long[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDoc[i] = (long) hits[i] << 32 | i;
        }
        Arrays.sort(byDoc);
        var documents = new CaseDocument[hits.length];
        DocumentCodec.Selection selection = DocumentCodec.Selection.of(wanted);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        BinaryDocValues values = null;
        int leaf = -1;
        for (long hit : byDoc) {
            int doc = (int) (hit >>> 32);
            int l = ReaderUtil.subIndex(doc, leaves);
            if (l != leaf) {
                leaf = l;
                values = DocValues.getBinary(leaves.get(l).reader(), DOCUMENT);
            }
            if (!values.advanceExact(doc - leaves.get(l).docBase)) {
                throw new IllegalStateException("case document missing for doc " + doc);
            }
            documents[(int) hit] = DocumentCodec.decode(values.binaryValue(), selection);
        }
        return Arrays.asList(documents);
    }

    /**
     * Runs {@code work} on the current searcher (after a refresh): for benchmarks and diagnostics that query the
     * index with hand-written Lucene. The searcher must not be kept after {@code work} returns.
     */
    public <T> T withSearcher(Function<IndexSearcher, T> work) {
        return withEngine(e -> {
            e.searchers.maybeRefreshBlocking();
            IndexSearcher searcher = e.searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                e.searchers.release(searcher);
            }
        });
    }

    /**
     * A refresh, only when the searches' reader is out of date and nothing is buffered: then the only news are merges
     * that finished after the last refresh (a bulk load or rebuild typically leaves several running), and opening the
     * reader flushes nothing. Without it searches kept reading the pre-merge segments until the next write, and a
     * search's cost follows the number of segments (2 to 17 after a 100,000-case bulk load, 0.3–0.5× the throughput).
     * It is also where an index idle for a second starts compacting ({@link IdleCompaction}).
     */
    @Override
    public void showCompletedMerges() {
        withEngine(e -> {
            if (e.writer.numRamDocs() > 0) {
                return null;
            }
            e.merges.compactIfIdle(e.writer, System.nanoTime());
            IndexSearcher searcher = e.searchers.acquire();
            boolean current;
            try {
                current = ((org.apache.lucene.index.DirectoryReader) searcher.getIndexReader()).isCurrent();
            } finally {
                e.searchers.release(searcher);
            }
            if (!current) {
                e.searchers.maybeRefresh();
            }
            return null;
        });
    }

    /**
     * Waits until no merge runs or waits to run, compacts the segments as an idle index does and waits for that too,
     * then shows the merged segments (benchmarks: after a bulk load Lucene's merges run on for a while, and a query
     * timed meanwhile shares the cores with them).
     */
    public void awaitMerges() {
        withEngine(e -> {
            awaitMergesOf(e.writer);
            // What the idle indexer does a second after the last write, done now, and waited for too.
            e.merges.compact(e.writer);
            awaitMergesOf(e.writer);
            return null;
        });
        showCompletedMerges();
    }

    /** Until no merge of {@code writer} runs or waits to run (one finishing may have started the next). */
    private static void awaitMergesOf(IndexWriter writer) {
        var scheduler = (org.apache.lucene.index.ConcurrentMergeScheduler) writer.getConfig().getMergeScheduler();
        do {
            scheduler.sync();
        } while (writer.hasPendingMerges() || scheduler.mergeThreadCount() > 0);
    }

    /** Merges the index down to one segment and waits for it, without a refresh (tests). */
    void mergeToOneSegment() {
        withEngine(e -> {
            e.writer.forceMerge(1, true);
            return null;
        });
    }

    /**
     * The document counts of the segments searches see now (no refresh): for benchmarks, whose figures depend on how
     * many segments a bulk load left.
     */
    public List<Integer> segmentSizes() {
        return withEngine(e -> {
            IndexSearcher searcher = e.searchers.acquire();
            try {
                return searcher.getIndexReader().leaves().stream().map(l -> l.reader().maxDoc()).toList();
            } finally {
                e.searchers.release(searcher);
            }
        });
    }

    private org.apache.lucene.search.Query toLucene(IndexReader reader, String domainId, CaseIndex.Query query)
            throws IOException {
        var builder = new BooleanQuery.Builder();
        // When every document is the domain's (the usual single-domain server), its clause would only cost time.
        if (!holdsOnly(reader, domainId)) {
            builder.add(new TermQuery(new Term(DOMAIN, domainId)), BooleanClause.Occur.FILTER);
        }
        if (query.filter() != null) {
            builder.add(LuceneFilters.toQuery(query.filter()), BooleanClause.Occur.FILTER);
        }
        for (String word : query.termWords()) {
            builder.add(wordPrefix(word), BooleanClause.Occur.FILTER);
        }
        BooleanQuery built = builder.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    /** Whether the reader's documents are all of the domain (deleted ones included), per reader and domain. */
    private record DomainsOf(IndexReader.CacheKey reader, Map<String, Boolean> holdsOnly) {
    }

    /**
     * The answer of the last reader searched: a reader never changes, and asking its terms dictionary (a seek per
     * segment) on every search was measured at 7% of a filtered sort's samples at 16 connections.
     */
    private volatile DomainsOf domainsOf;

    private boolean holdsOnly(IndexReader reader, String domainId) throws IOException {
        if (reader.maxDoc() == 0) {
            return false;
        }
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return reader.docFreq(new Term(DOMAIN, domainId)) == reader.maxDoc();
        }
        DomainsOf known = domainsOf;
        if (known == null || known.reader() != helper.getKey()) {
            known = new DomainsOf(helper.getKey(), new java.util.concurrent.ConcurrentHashMap<>());
            domainsOf = known;
        }
        Boolean only = known.holdsOnly().get(domainId);
        if (only == null) {
            only = reader.docFreq(new Term(DOMAIN, domainId)) == reader.maxDoc();
            if (known.holdsOnly().size() < MAX_CACHED) {
                known.holdsOnly().put(domainId, only);
            }
        }
        return only;
    }

    /** Bound of the per-reader domain answers and of the word queries kept. */
    private static final int MAX_CACHED = 10_000;
    /**
     * The prefix query of each search word: building one compiles an automaton (5% of a searchTerm's samples),
     * while the words searched repeat. Cleared when full rather than kept in LRU order: a miss costs only that.
     */
    private static final Map<String, PrefixQuery> WORD_PREFIXES = new java.util.concurrent.ConcurrentHashMap<>();

    private static PrefixQuery wordPrefix(String word) {
        PrefixQuery query = WORD_PREFIXES.get(word);
        if (query == null) {
            if (WORD_PREFIXES.size() >= MAX_CACHED) {
                WORD_PREFIXES.clear();
            }
            query = new PrefixQuery(new Term(LuceneFields.WORD, word));
            WORD_PREFIXES.put(word, query);
        }
        return query;
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
            // Only texts longer than the two longs have a tie-breaker: a shorter one with the same key is a prefix.
            text.setMissingValue(SortField.STRING_FIRST);
            fields.add(high);
            fields.add(low);
            fields.add(text);
        }
        fields.add(new SortField(TIE_HIGH, SortField.Type.LONG));
        fields.add(new SortField(TIE_LOW, SortField.Type.LONG));
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
                values.add(sortable.kind() == SortableValue.Kind.TEXT
                        && LuceneFields.needsTieBreaker(sortable.text()) ? LuceneFields.utf16(sortable.text()) : null);
            }
        }
        CaseOrdering.TieKey tie = CaseOrdering.tieKey(key.caseId());
        values.add(tie.high() ^ Long.MIN_VALUE);
        values.add(tie.low() ^ Long.MIN_VALUE);
        return new FieldDoc(maxDoc - 1, Float.NaN, values.toArray());
    }

    /** The Lucene document this index adds for {@code document}: for benchmarks that time raw Lucene. */
    public static Document luceneDocument(CaseDocument document) {
        return toLucene(key(document.domainId(), document.caseId()), document);
    }

    /** The order segments are sorted in (newest update first): for benchmarks that time raw Lucene. */
    public static Sort indexSort() {
        return DEFAULT_SORT;
    }

    private static Document toLucene(String key, CaseDocument document) {
        var doc = new Document();
        doc.add(new StringField(KEY, key, Field.Store.NO));
        doc.add(new StringField(DOMAIN, document.domainId(), Field.Store.NO));
        CaseOrdering.TieKey tie = CaseOrdering.tieKey(document.caseId());
        // Flipping the sign bit makes signed long order the unsigned order of the key.
        doc.add(new NumericDocValuesField(TIE_HIGH, tie.high() ^ Long.MIN_VALUE));
        doc.add(new NumericDocValuesField(TIE_LOW, tie.low() ^ Long.MIN_VALUE));
        doc.add(new BinaryDocValuesField(DOCUMENT, new BytesRef(DocumentCodec.encode(document))));
        document.values().forEach((id, value) -> LuceneFields.add(doc, id, value));
        document.tags().forEach((k, v) -> LuceneFields.addTag(doc, k, v));
        doc.add(CaseWords.field(document));
        return doc;
    }

    private static String key(String domainId, String caseId) {
        return domainId + "/" + caseId;
    }

    @Override
    public void close() throws IOException {
        var exclusive = swapLock.writeLock();
        exclusive.lock();
        try {
            engine.close();
        } finally {
            exclusive.unlock();
        }
    }
}
