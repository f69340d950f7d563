package io.opencases.lucene;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.SortableValue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IntroSorter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages of a search in a requested order (any order but the default one, which the index sort answers), read from
 * the order precomputed per segment instead of comparing every match.
 *
 * <p>Why: on a field with few values (a status, a priority) nearly every match ties with the page's last value, so
 * a top-N collector compares almost every match on the case id, and no skipping helps (measured: a sort on status
 * over 100,000 cases cost 17× a GetCase on a 37-value number and 60× on status). A segment never changes once
 * written, so its documents' order for a given sort list (the values, then the case id: the exact order of
 * CaseOrdering as the Lucene sort fields encode it) can be computed once, as an array of doc ids. A page then walks
 * that array from the cursor, keeping the matches, and stops once it has the page: for a filter that matches many
 * cases a page looks at a few dozen cases per segment. A filter that matches few cases is iterated instead, each
 * match placed by its rank in the array. The segments' pages are merged on their keys, which small segments (the
 * ones each refresh adds under writes) keep beside their order, so a page does not open their doc values. Orders
 * are kept for the
 * last {@link #MAX_SORTS} sort lists used, dropped with their segment, and computed for merged segments before
 * searches see them (the writer's merged-segment warmer), so a merge does not make a search wait for a sort.
 *
 * <p>Memory: two ints per document per sort list kept (8 MB per million cases and sort list).
 */
final class SortedPages {
    /** Sort lists whose orders are kept; using another one drops the least recently used. */
    static final int MAX_SORTS = 8;
    /** A filter matching at least 1/64 of a segment is checked as a bit set while walking the order. */
    private static final int DENSE = 64;
    /** Merged segments smaller than this are sorted on first use: it takes well under a millisecond. */
    private static final int WARM_FROM = 10_000;
    /**
     * The bits of segment-and-filter match sets kept, all segments together (16 MB): 128 filters over a million
     * cases, or thousands over the small segments that refreshes add.
     */
    private static final long MAX_MATCH_BITS = 128L << 20;
    /** Segments up to this size keep their keys beside their order (a few tens of bytes per document). */
    private static final int KEYS_UP_TO = 20_000;
    /**
     * Larger segments keep the keys of their first positions (a few tens of kB per order): a first page, the usual
     * one, then merges without opening doc values (JFR at 16 connections, 100,000 cases in two large segments:
     * reading the candidates' keys was a fifth of a filtered sort's request).
     */
    private static final int HEAD_KEYS = 1024;

    /** A segment's documents in the order of one sort list. Shared by every search on the segment. */
    private static final class Order {
        /** Doc ids in order (deleted ones included: the live docs are checked as the order is walked). */
        final int[] docs;
        /**
         * The keys in position order, for segments without text tie-breakers: all of them for segments of at most
         * {@link #KEYS_UP_TO} documents (those that each refresh adds), else the first {@link #HEAD_KEYS}; a page
         * merges kept keys without opening doc values. Null with text tie-breakers.
         */
        final SortKey[] keys;
        /** docs' inverse, made on first need: a document's position in the order. */
        private volatile int[] ranks;

        Order(int[] docs, SortKey[] keys) {
            this.docs = docs;
            this.keys = keys;
        }

        /** The kept key at {@code position}, or null. */
        SortKey key(int position) {
            return keys != null && position < keys.length ? keys[position] : null;
        }

        int[] ranks() {
            int[] r = ranks;
            if (r == null) {
                r = new int[docs.length];
                for (int i = 0; i < docs.length; i++) {
                    r[docs[i]] = i;
                }
                ranks = r;
            }
            return r;
        }
    }

    private record OrderKey(Object core, List<CaseSort> sorts) {
    }

    private final Map<OrderKey, Order> orders = new ConcurrentHashMap<>();

    /**
     * A dense filter's matches in a segment (deletions not applied: the live docs are checked as the order is
     * walked), and how many. Kept because Lucene's query cache was measured not to serve them under concurrent
     * searches (JFR at 16 connections: half of a filtered sort's index time intersected the points again), and a
     * segment's documents never change, so neither do its matches. Kept for small segments too, which Lucene's
     * cache never holds: after a bulk load of 100,000 cases left 13 segments, intersecting and counting the points
     * of the small ones again was 70% of a filtered sort's time (in-process JFR).
     */
    private record Matches(FixedBitSet bits, int count) {
    }

    private record MatchesKey(Object core, Query query) {
    }

    private final Map<MatchesKey, Matches> matchesCache = new ConcurrentHashMap<>();
    /**
     * The bits of the sets in {@link #matchesCache}: each put and remove accounts for the set it added or took out,
     * so the sum is exact once concurrent updates are done (the bound may be overshot by one set per thread).
     */
    private final java.util.concurrent.atomic.AtomicLong matchBits = new java.util.concurrent.atomic.AtomicLong();
    private final Set<Object> watchedCores = ConcurrentHashMap.newKeySet();
    /** The sort lists used, least recently first. */
    private final LinkedHashMap<List<CaseSort>, Boolean> recentSorts = new LinkedHashMap<>(16, 0.75f, true);
    private final String tieHigh;
    private final String tieLow;

    SortedPages(String tieHigh, String tieLow) {
        this.tieHigh = tieHigh;
        this.tieLow = tieLow;
    }

    /** The page's documents (top-level doc ids, in order) and the total, as {@link LuceneCaseIndex#count} counts. */
    record Page(int[] docs, long total) {
    }

    Page search(IndexSearcher searcher, Query query, List<CaseSort> sorts, CaseOrdering.Key after, int limit)
            throws IOException {
        touch(sorts);
        boolean all = query instanceof MatchAllDocsQuery;
        Query rewritten = all ? query : searcher.rewrite(query);
        Weight weight = null;
        SortKey cursor = after == null ? null : cursorKey(after, sorts);
        var comparator = comparator(sorts);
        List<Candidate> candidates = new ArrayList<>();
        int contributing = 0;
        long total = 0;
        var uncounted = new ArrayList<Uncounted>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            if (reader.numDocs() == 0) {
                continue;
            }
            Bits live = reader.getLiveDocs();
            int[] page;
            Order order;
            if (all) {
                total += reader.numDocs();
                order = order(reader, sorts);
                int start = cursor == null ? 0 : firstAfter(reader, order, sorts, cursor, comparator);
                page = walk(order, start, live, null, limit);
            } else {
                Object core = reader.getCoreCacheHelper() == null ? null : reader.getCoreCacheHelper().getKey();
                Matches cached = core == null ? null : matchesCache.get(new MatchesKey(core, rewritten));
                if (cached != null) {
                    order = order(reader, sorts);
                    int start = cursor == null ? 0 : firstAfter(reader, order, sorts, cursor, comparator);
                    page = walk(order, start, live, cached.bits(), limit);
                    if (live == null) {
                        total += cached.count();
                    } else {
                        uncounted.add(new Uncounted(cached.bits(), live));
                    }
                    if (page.length > 0) {
                        contributing++;
                        for (int position : page) {
                            candidates.add(new Candidate(leaf, order, position));
                        }
                    }
                    continue;
                }
                if (weight == null) {
                    weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1);
                }
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                order = order(reader, sorts);
                int start = cursor == null ? 0 : firstAfter(reader, order, sorts, cursor, comparator);
                DocIdSetIterator matches = scorer.iterator();
                // No weight.count here: for a point range it walks the tree again (24% of a filtered sort's
                // samples), while the matches are iterated anyway and counted from the bits or while ranked.
                if (matches.cost() * DENSE >= reader.maxDoc()) {
                    var bits = new FixedBitSet(reader.maxDoc());
                    bits.or(matches);
                    int cardinality = bits.cardinality();
                    if (core != null) {
                        remember(new MatchesKey(core, rewritten), new Matches(bits, cardinality));
                    }
                    page = walk(order, start, live, bits, limit);
                    if (live == null) {
                        total += cardinality;
                    } else {
                        uncounted.add(new Uncounted(bits, live));
                    }
                } else {
                    var ranked = new Ranked(order, start, limit);
                    total += ranked.collect(matches, live);
                    page = ranked.positions();
                }
            }
            if (page.length > 0) {
                contributing++;
                for (int position : page) {
                    candidates.add(new Candidate(leaf, order, position));
                }
            }
        }
        for (Uncounted u : uncounted) {
            if (total >= CaseIndex.COUNT_CAP) {
                total = CaseIndex.COUNT_CAP;
                break;
            }
            total = u.countUpTo(total, CaseIndex.COUNT_CAP);
        }
        if (contributing > 1) {
            readKeys(candidates, sorts);
            candidates = merged(candidates, comparator, limit);
        }
        int n = Math.min(limit, candidates.size());
        int[] docs = new int[n];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            docs[i] = c.leaf.docBase + c.doc();
        }
        return new Page(docs, total);
    }

    /**
     * The first {@code limit} of the candidates, which come as one run in order per segment: each run is merged
     * into the best so far and the result cut at {@code limit}. Sorting them all instead (limit × segments of them)
     * was a fifth of a filtered sort's time over 13 segments (in-process JFR).
     */
    private static List<Candidate> merged(List<Candidate> candidates, Comparator<SortKey> comparator, int limit) {
        var best = new ArrayList<Candidate>(limit);
        var next = new ArrayList<Candidate>(limit);
        int from = 0;
        while (from < candidates.size()) {
            int to = from + 1;
            while (to < candidates.size() && candidates.get(to).leaf == candidates.get(from).leaf) {
                to++;
            }
            next.clear();
            int a = 0;
            int b = from;
            while (next.size() < limit && (a < best.size() || b < to)) {
                if (b == to || a < best.size() && comparator.compare(best.get(a).key, candidates.get(b).key) <= 0) {
                    next.add(best.get(a++));
                } else {
                    next.add(candidates.get(b++));
                }
            }
            var swap = best;
            best = next;
            next = swap;
            from = to;
        }
        return best;
    }

    /** A segment whose matches are counted only if the total is still below the cap after the counted ones. */
    private record Uncounted(FixedBitSet bits, Bits live) {
        long countUpTo(long total, long cap) {
            for (int doc = bits.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                 doc = doc + 1 < bits.length() ? bits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                if (live.get(doc) && ++total >= cap) {
                    return cap;
                }
            }
            return total;
        }
    }

    /** The positions of the first {@code limit} live matches from {@code start} on ({@code matches} null: all). */
    private static int[] walk(Order order, int start, Bits live, Bits matches, int limit) {
        int[] page = new int[limit];
        int n = 0;
        int[] docs = order.docs;
        for (int p = start; p < docs.length && n < limit; p++) {
            int doc = docs[p];
            if ((live == null || live.get(doc)) && (matches == null || matches.get(doc))) {
                page[n++] = p;
            }
        }
        return n == limit ? page : Arrays.copyOf(page, n);
    }

    /** The {@code limit} best-ranked matches at or after {@code start}: a bounded max-heap of ranks. */
    private static final class Ranked {
        final Order order;
        final int[] ranks;
        final int start;
        final int[] heap;
        int size;

        Ranked(Order order, int start, int limit) {
            this.order = order;
            this.ranks = order.ranks();
            this.start = start;
            this.heap = new int[limit];
        }

        /** Collects the live matches and returns how many there are. */
        int collect(DocIdSetIterator matches, Bits live) throws IOException {
            int count = 0;
            for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                count++;
                int rank = ranks[doc];
                if (rank < start || heap.length == 0) {
                    continue;
                }
                if (size < heap.length) {
                    heap[size] = rank;
                    up(size++);
                } else if (rank < heap[0]) {
                    heap[0] = rank;
                    down();
                }
            }
            return count;
        }

        /** The positions of the best matches, in order. */
        int[] positions() {
            int[] sorted = Arrays.copyOf(heap, size);
            Arrays.sort(sorted);
            return sorted;
        }

        private void up(int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] >= heap[i]) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void down() {
            int i = 0;
            while (true) {
                int left = 2 * i + 1;
                if (left >= size) {
                    return;
                }
                int child = left + 1 < size && heap[left + 1] > heap[left] ? left + 1 : left;
                if (heap[i] >= heap[child]) {
                    return;
                }
                swap(i, child);
                i = child;
            }
        }

        private void swap(int a, int b) {
            int t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
        }
    }

    /** The first position whose document comes after the cursor in the order (a binary search on the keys). */
    private int firstAfter(LeafReader reader, Order order, List<CaseSort> sorts, SortKey cursor,
                           Comparator<SortKey> comparator) throws IOException {
        KeyReader keys = null;
        int low = 0;
        int high = order.docs.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            SortKey key = order.key(mid);
            if (key == null) {
                if (keys == null) {
                    keys = new KeyReader(reader, sorts);
                }
                key = keys.read(order.docs[mid]);
            }
            if (comparator.compare(key, cursor) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static final class Candidate {
        final LeafReaderContext leaf;
        final Order order;
        final int position;
        SortKey key;

        Candidate(LeafReaderContext leaf, Order order, int position) {
            this.leaf = leaf;
            this.order = order;
            this.position = position;
            this.key = order.key(position);
        }

        int doc() {
            return order.docs[position];
        }
    }

    /** Reads the keys the candidates' orders do not keep, per segment in doc-id order (forward-only doc values). */
    private void readKeys(List<Candidate> candidates, List<CaseSort> sorts) throws IOException {
        // Top-level doc id, then the candidate's index: sorted as longs, they come per segment in doc-id order.
        long[] byDoc = new long[candidates.size()];
        int n = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c.key == null) {
                byDoc[n++] = (long) (c.leaf.docBase + c.doc()) << 32 | i;
            }
        }
        Arrays.sort(byDoc, 0, n);
        KeyReader keys = null;
        LeafReaderContext leaf = null;
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get((int) byDoc[i]);
            if (c.leaf != leaf) {
                leaf = c.leaf;
                keys = new KeyReader(leaf.reader(), sorts);
            }
            c.key = keys.read(c.doc());
        }
    }

    /**
     * A document's place in the order, as the Lucene sort fields hold it (see LuceneFields): per sort, the key's two
     * longs (the high one MAX_VALUE when missing in ascending order, MIN_VALUE in descending, so missing comes last
     * either way; the low one 0) and the text tie-breaker (null when absent, which sorts first before the direction
     * applies); then the case id's two longs, ascending.
     */
    private record SortKey(long[] high, long[] low, BytesRef[] text, long tieHigh, long tieLow) {
    }

    private static Comparator<SortKey> comparator(List<CaseSort> sorts) {
        boolean[] ascending = new boolean[sorts.size()];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = sorts.get(i).ascending();
        }
        return (a, b) -> {
            for (int i = 0; i < ascending.length; i++) {
                int c = Long.compare(a.high[i], b.high[i]);
                if (c == 0) {
                    c = Long.compare(a.low[i], b.low[i]);
                }
                if (c == 0) {
                    c = compareText(a.text[i], b.text[i]);
                }
                if (c != 0) {
                    return ascending[i] ? c : -c;
                }
            }
            int c = Long.compare(a.tieHigh, b.tieHigh);
            return c != 0 ? c : Long.compare(a.tieLow, b.tieLow);
        };
    }

    private static int compareText(BytesRef a, BytesRef b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /** The cursor's key, as {@link #readKey} would read the cursor's own document. */
    private static SortKey cursorKey(CaseOrdering.Key after, List<CaseSort> sorts) {
        int n = sorts.size();
        long[] high = new long[n];
        long[] low = new long[n];
        BytesRef[] text = new BytesRef[n];
        for (int i = 0; i < n; i++) {
            FieldValue v = after.sortValues().get(i);
            if (v == null) {
                high[i] = missing(sorts.get(i));
            } else {
                SortableValue sortable = SortableValue.of(v);
                high[i] = LuceneFields.orderHigh(sortable);
                low[i] = LuceneFields.orderLow(sortable);
                text[i] = sortable.kind() == SortableValue.Kind.TEXT && LuceneFields.needsTieBreaker(sortable.text())
                        ? LuceneFields.utf16(sortable.text()) : null;
            }
        }
        CaseOrdering.TieKey tie = CaseOrdering.tieKey(after.caseId());
        return new SortKey(high, low, text, tie.high() ^ Long.MIN_VALUE, tie.low() ^ Long.MIN_VALUE);
    }

    private static long missing(CaseSort sort) {
        return sort.ascending() ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** Reads documents' keys; reading backwards reopens the doc values, which only go forward. */
    private final class KeyReader {
        private final LeafReader reader;
        private final List<CaseSort> sorts;
        private NumericDocValues[] high;
        private NumericDocValues[] low;
        private SortedDocValues[] text;
        private NumericDocValues tieHighValues;
        private NumericDocValues tieLowValues;
        private int last = Integer.MAX_VALUE;

        KeyReader(LeafReader reader, List<CaseSort> sorts) {
            this.reader = reader;
            this.sorts = sorts;
        }

        SortKey read(int doc) throws IOException {
            int n = sorts.size();
            if (doc <= last) {
                high = new NumericDocValues[n];
                low = new NumericDocValues[n];
                text = new SortedDocValues[n];
                for (int i = 0; i < n; i++) {
                    String field = sorts.get(i).fieldId();
                    high[i] = DocValues.getNumeric(reader, LuceneFields.order(field));
                    low[i] = DocValues.getNumeric(reader, LuceneFields.orderLow(field));
                    text[i] = DocValues.getSorted(reader, LuceneFields.textOrder(field));
                }
                tieHighValues = DocValues.getNumeric(reader, tieHigh);
                tieLowValues = DocValues.getNumeric(reader, tieLow);
            }
            last = doc;
            long[] h = new long[n];
            long[] l = new long[n];
            BytesRef[] t = new BytesRef[n];
            for (int i = 0; i < n; i++) {
                h[i] = high[i].advanceExact(doc) ? high[i].longValue() : missing(sorts.get(i));
                l[i] = low[i].advanceExact(doc) ? low[i].longValue() : 0;
                t[i] = text[i].advanceExact(doc) ? BytesRef.deepCopyOf(text[i].lookupOrd(text[i].ordValue())) : null;
            }
            long th = tieHighValues.advanceExact(doc) ? tieHighValues.longValue() : 0;
            long tl = tieLowValues.advanceExact(doc) ? tieLowValues.longValue() : 0;
            return new SortKey(h, l, t, th, tl);
        }
    }

    /** The segment's order for the sort list, computed on first use and kept while the segment lives. */
    private Order order(LeafReader reader, List<CaseSort> sorts) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return computeOrder(reader, sorts);
        }
        Object core = helper.getKey();
        if (watchedCores.add(core)) {
            helper.addClosedListener(closed -> {
                orders.keySet().removeIf(k -> k.core() == closed);
                for (MatchesKey k : matchesCache.keySet()) {
                    if (k.core() == closed) {
                        forget(k);
                    }
                }
                watchedCores.remove(closed);
            });
        }
        try {
            return orders.computeIfAbsent(new OrderKey(core, sorts), k -> {
                try {
                    return computeOrder(reader, sorts);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Keeps a filter's matches; beyond {@link #MAX_MATCH_BITS} arbitrary ones go. */
    private void remember(MatchesKey key, Matches matches) {
        long bits = matches.bits().length();
        var any = matchesCache.keySet().iterator();
        while (matchBits.get() + bits > MAX_MATCH_BITS && any.hasNext()) {
            forget(any.next());
        }
        Matches previous = matchesCache.put(key, matches);
        matchBits.addAndGet(bits - (previous == null ? 0 : previous.bits().length()));
    }

    private void forget(MatchesKey key) {
        Matches gone = matchesCache.remove(key);
        if (gone != null) {
            matchBits.addAndGet(-gone.bits().length());
        }
    }

    /** Computes the orders of the sort lists in use for a merged segment before searches see it. */
    void warm(LeafReader reader) throws IOException {
        if (reader.maxDoc() < WARM_FROM) {
            return;
        }
        List<List<CaseSort>> sorts;
        synchronized (recentSorts) {
            sorts = new ArrayList<>(recentSorts.keySet());
        }
        for (List<CaseSort> s : sorts) {
            order(reader, s);
        }
    }

    /** Marks the sort list used; beyond {@link #MAX_SORTS} lists the least recently used one's orders go. */
    private void touch(List<CaseSort> sorts) {
        List<CaseSort> evicted = null;
        synchronized (recentSorts) {
            recentSorts.put(sorts, Boolean.TRUE);
            if (recentSorts.size() > MAX_SORTS) {
                var eldest = recentSorts.keySet().iterator();
                evicted = eldest.next();
                eldest.remove();
            }
        }
        if (evicted != null) {
            List<CaseSort> gone = evicted;
            orders.keySet().removeIf(k -> k.sorts().equals(gone));
        }
    }

    /** Sorts all doc ids of the segment by the keys, read once into arrays. */
    private Order computeOrder(LeafReader reader, List<CaseSort> sorts) throws IOException {
        int maxDoc = reader.maxDoc();
        int n = sorts.size();
        long[][] high = new long[n][];
        long[][] low = new long[n][];
        int[][] text = new int[n][];
        boolean[] ascending = new boolean[n];
        for (int i = 0; i < n; i++) {
            CaseSort sort = sorts.get(i);
            ascending[i] = sort.ascending();
            high[i] = new long[maxDoc];
            Arrays.fill(high[i], missing(sort));
            fill(high[i], DocValues.getNumeric(reader, LuceneFields.order(sort.fieldId())));
            NumericDocValues lows = reader.getNumericDocValues(LuceneFields.orderLow(sort.fieldId()));
            if (lows != null) {
                low[i] = new long[maxDoc];
                fill(low[i], lows);
            }
            SortedDocValues texts = reader.getSortedDocValues(LuceneFields.textOrder(sort.fieldId()));
            if (texts != null) {
                int[] ords = new int[maxDoc];
                Arrays.fill(ords, -1);
                for (int doc = texts.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = texts.nextDoc()) {
                    ords[doc] = texts.ordValue();
                }
                text[i] = ords;
            }
        }
        long[] tieHighs = new long[maxDoc];
        fill(tieHighs, DocValues.getNumeric(reader, tieHigh));
        long[] tieLows = new long[maxDoc];
        fill(tieLows, DocValues.getNumeric(reader, tieLow));
        int[] docs = new int[maxDoc];
        for (int i = 0; i < maxDoc; i++) {
            docs[i] = i;
        }
        new IntroSorter() {
            private int pivot;

            @Override
            protected void setPivot(int i) {
                pivot = docs[i];
            }

            @Override
            protected int comparePivot(int j) {
                return compareDocs(pivot, docs[j]);
            }

            @Override
            protected int compare(int i, int j) {
                return compareDocs(docs[i], docs[j]);
            }

            @Override
            protected void swap(int i, int j) {
                int t = docs[i];
                docs[i] = docs[j];
                docs[j] = t;
            }

            private int compareDocs(int a, int b) {
                for (int i = 0; i < n; i++) {
                    int c = Long.compare(high[i][a], high[i][b]);
                    if (c == 0 && low[i] != null) {
                        c = Long.compare(low[i][a], low[i][b]);
                    }
                    if (c == 0 && text[i] != null) {
                        c = Integer.compare(text[i][a], text[i][b]);
                    }
                    if (c != 0) {
                        return ascending[i] ? c : -c;
                    }
                }
                int c = Long.compare(tieHighs[a], tieHighs[b]);
                if (c == 0) {
                    c = Long.compare(tieLows[a], tieLows[b]);
                }
                return c != 0 ? c : Integer.compare(a, b);
            }
        }.sort(0, maxDoc);
        boolean texts = false;
        for (int[] t : text) {
            texts |= t != null;
        }
        if (texts) {
            return new Order(docs, null);
        }
        var keys = new SortKey[maxDoc > KEYS_UP_TO ? HEAD_KEYS : maxDoc];
        for (int p = 0; p < keys.length; p++) {
            int doc = docs[p];
            long[] h = new long[n];
            long[] l = new long[n];
            for (int i = 0; i < n; i++) {
                h[i] = high[i][doc];
                l[i] = low[i] == null ? 0 : low[i][doc];
            }
            keys[p] = new SortKey(h, l, new BytesRef[n], tieHighs[doc], tieLows[doc]);
        }
        return new Order(docs, keys);
    }

    private static void fill(long[] values, NumericDocValues source) throws IOException {
        for (int doc = source.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = source.nextDoc()) {
            values[doc] = source.longValue();
        }
    }
}
