package io.opencases.lucene;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.SearchTerms;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The case index on Lucene: one document per case with keyword, point and doc-values fields per case field, so
 * filters, word-prefix terms and sorts run inside Lucene. A search made after a write refreshes the searcher first,
 * which is what makes search read-your-writes.
 */
public final class LuceneCaseIndex implements CaseIndex, AutoCloseable {
    private static final String KEY = "key";
    private static final String DOMAIN = "domain";
    private static final String CASE_ID = "caseId";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** The documents themselves, returned by searches (Lucene finds and orders them). */
    private final Map<String, CaseDocument> documents = new ConcurrentHashMap<>();

    public LuceneCaseIndex() {
        this(new ByteBuffersDirectory());
    }

    public LuceneCaseIndex(Directory directory) {
        try {
            this.directory = directory;
            this.writer = new IndexWriter(directory,
                    new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void upsert(CaseDocument document) {
        String key = key(document.domainId(), document.caseId());
        try {
            writer.updateDocument(new Term(KEY, key), toLucene(key, document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents.put(key, document);
        dirty.set(true);
    }

    @Override
    public void remove(String domainId, String caseId) {
        String key = key(domainId, caseId);
        try {
            writer.deleteDocuments(new Term(KEY, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents.remove(key);
        dirty.set(true);
    }

    @Override
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents.clear();
        dirty.set(true);
    }

    @Override
    public void removeDomain(String domainId) {
        try {
            writer.deleteDocuments(new Term(DOMAIN, domainId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents.keySet().removeIf(k -> k.startsWith(domainId + "/"));
        dirty.set(true);
    }

    @Override
    public Hits search(String domainId, CaseIndex.Query query) {
        try {
            if (dirty.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                var builder = new BooleanQuery.Builder().add(new TermQuery(new Term(DOMAIN, domainId)),
                        BooleanClause.Occur.FILTER);
                if (query.filter() != null) {
                    builder.add(LuceneFilters.toQuery(query.filter()), BooleanClause.Occur.FILTER);
                }
                for (String word : query.termWords()) {
                    builder.add(new PrefixQuery(new Term(LuceneFields.WORD, word)), BooleanClause.Occur.FILTER);
                }
                org.apache.lucene.search.Query lucene = builder.build();
                Sort sort = sort(query.sorts());
                // One pass finds the page and counts every match exactly (totalCount is part of the API).
                FieldDoc after = query.after() == null ? null
                        : after(query.after(), searcher.getIndexReader().maxDoc());
                TopDocs top = searcher.search(lucene,
                        new TopFieldCollectorManager(sort, query.limit(), after, Integer.MAX_VALUE));
                var hits = new ArrayList<CaseDocument>(top.scoreDocs.length);
                for (ScoreDoc hit : top.scoreDocs) {
                    String key = searcher.storedFields().document(hit.doc).get(KEY);
                    hits.add(documents.get(key));
                }
                return new Hits(hits, top.totalHits.value);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sort sort(List<CaseSort> sorts) {
        var fields = new ArrayList<SortField>();
        for (CaseSort s : sorts) {
            var field = new SortField(LuceneFields.sort(s.fieldId()), SortField.Type.STRING, !s.ascending());
            // Cases without a value come last whichever the direction.
            field.setMissingValue(s.ascending() ? SortField.STRING_LAST : SortField.STRING_FIRST);
            fields.add(field);
        }
        fields.add(new SortField(CASE_ID, SortField.Type.STRING));
        return new Sort(fields.toArray(new SortField[0]));
    }

    /**
     * The cursor as Lucene's "after" hit. Keys end with the unique case id, so a tie can only be the cursor's own
     * case; the highest doc id makes Lucene treat that tie as already seen.
     */
    private static FieldDoc after(CaseOrdering.Key key, int maxDoc) {
        var values = new Object[key.sortValues().size() + 1];
        for (int i = 0; i < key.sortValues().size(); i++) {
            FieldValue v = key.sortValues().get(i);
            values[i] = v == null ? null : LuceneFields.sortBytes(v);
        }
        values[values.length - 1] = new BytesRef(key.caseId());
        return new FieldDoc(maxDoc - 1, Float.NaN, values);
    }

    private static Document toLucene(String key, CaseDocument document) {
        var doc = new Document();
        doc.add(new StringField(KEY, key, Field.Store.YES));
        doc.add(new StringField(DOMAIN, document.domainId(), Field.Store.NO));
        doc.add(new SortedDocValuesField(CASE_ID, new BytesRef(document.caseId())));
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
