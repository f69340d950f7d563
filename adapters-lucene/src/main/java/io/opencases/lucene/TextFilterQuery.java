package io.opencases.lucene;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.SortableValue;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A text filter ({@code equalTo}, a range, {@code contains}) answered without an indexed term per text: the
 * candidates come from points ({@code h.}, the text's hash, for equality; {@code o.}, the sort key, for ranges), and
 * each candidate is checked against its value read back from doc values. A text's value is whole in its sort key
 * ({@code o.}, {@code o2.} and, past seven units, {@code s.}); a date-time's text is not (its key is its instant), so
 * the few checks that need a date-time's text read it from the stored case document.
 *
 * <p>Why: a term per text value made each case's nearly unique texts (ids, reference numbers, date-times, titles)
 * a hash insert at indexing and a term-dictionary entry at every flush and merge, about a third of indexing's CPU.
 */
final class TextFilterQuery extends Query {
    /** What a candidate's value must be. */
    enum Test {
        /** Equal to the text. */
        EQUAL,
        /** Greater than it (or equal, when inclusive). */
        ABOVE,
        /** Less than it (or equal, when inclusive). */
        BELOW,
        /** Containing it, lower-cased on both sides. */
        CONTAINS
    }

    private final String fieldId;
    private final Test test;
    private final String text;
    private final boolean inclusive;
    /** What finds the candidates: points, or (contains) every case with a value of the field. */
    private final Query candidates;

    private TextFilterQuery(String fieldId, Test test, String text, boolean inclusive, Query candidates) {
        this.fieldId = fieldId;
        this.test = test;
        this.text = test == Test.CONTAINS ? text.toLowerCase(Locale.ROOT) : text;
        this.inclusive = inclusive;
        this.candidates = candidates;
    }

    /** The cases whose value of the field is the text. */
    static Query equalTo(String fieldId, String text) {
        return new TextFilterQuery(fieldId, Test.EQUAL, text, true,
                LongPoint.newExactQuery(LuceneFields.hashes(fieldId), LuceneFields.textHash(text)));
    }

    /** The cases whose value of the field contains the text, ignoring case. */
    static Query contains(String fieldId, String text) {
        return new TextFilterQuery(fieldId, Test.CONTAINS, text, true,
                new FieldExistsQuery(LuceneFields.order(fieldId)));
    }

    /**
     * The cases whose text value (not a date-time's) lies above or below the text: the point range over the text
     * keys from the text's own high long on. Only the texts of a date-time compare with a date-time bound as text:
     * the candidates are text keys alone, and the caller adds the date-times (as instants or, by
     * {@link #dateTimeTextRange}, as text). Candidates beyond the bound's high long pass on the first comparison.
     */
    static Query textRange(String fieldId, String text, boolean above, boolean inclusive) {
        long high = LuceneFields.orderHigh(asText(text));
        Query points = above
                ? LongPoint.newRangeQuery(LuceneFields.order(fieldId), high, LuceneFields.TEXT_MAX)
                : LongPoint.newRangeQuery(LuceneFields.order(fieldId), LuceneFields.TEXT_MIN, high);
        return new TextFilterQuery(fieldId, above ? Test.ABOVE : Test.BELOW, text, inclusive, points);
    }

    /**
     * The cases whose date-time value, compared as text, lies above or below a text that is not a date-time: the
     * one check that reads every candidate's text from its stored document, so it costs a scan of the field's
     * date-times.
     */
    static Query dateTimeTextRange(String fieldId, String text, boolean above, boolean inclusive) {
        return new TextFilterQuery(fieldId, above ? Test.ABOVE : Test.BELOW, text, inclusive,
                LongPoint.newRangeQuery(LuceneFields.order(fieldId),
                        LuceneFields.DATE_TIME_MIN, LuceneFields.DATE_TIME_MAX));
    }

    /** The text's sort key as a text, even when it reads as a date-time: ranges compare texts with texts as text. */
    private static SortableValue asText(String text) {
        return new SortableValue(SortableValue.Kind.TEXT, 0, null, text, false);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = candidates.rewrite(searcher);
        return rewritten == candidates ? this : new TextFilterQuery(fieldId, test, text, inclusive, rewritten);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = searcher.createWeight(searcher.rewrite(candidates), ScoreMode.COMPLETE_NO_SCORES, 1f);
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                ScorerSupplier supplier = scorerSupplier(context);
                return supplier == null ? null : supplier.get(Long.MAX_VALUE);
            }

            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                ScorerSupplier found = inner.scorerSupplier(context);
                if (found == null) {
                    return null;
                }
                Weight weight = this;
                LeafReader reader = context.reader();
                // An equality that most cases pass (a status) walks the cases in order and checks each: lazily, so
                // a page in the index's order stops after its first hits, where the hash's points would first
                // collect every candidate of the segment.
                boolean walk = test == Test.EQUAL && found.cost() > reader.maxDoc() / 8;
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        DocIdSetIterator approximation = walk
                                ? DocValues.getNumeric(reader, LuceneFields.order(fieldId))
                                : found.get(leadCost).iterator();
                        Values values = new Values(reader);
                        TwoPhaseIterator checked = new TwoPhaseIterator(approximation) {
                            @Override
                            public boolean matches() throws IOException {
                                return values.matches(approximation.docID());
                            }

                            @Override
                            public float matchCost() {
                                return test == Test.CONTAINS ? 100 : 10;
                            }
                        };
                        return new ConstantScoreScorer(weight, score(), scoreMode, checked);
                    }

                    @Override
                    public long cost() {
                        return walk ? reader.maxDoc() : found.cost();
                    }
                };
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return DocValues.isCacheable(context, LuceneFields.order(fieldId), LuceneFields.orderLow(fieldId),
                        LuceneFields.textOrder(fieldId), LuceneCaseIndex.DOCUMENT)
                        && inner.isCacheable(context);
            }
        };
    }

    /** One segment's values of the field, read forward as the candidates come. */
    private final class Values {
        private final NumericDocValues highs;
        private final NumericDocValues lows;
        private final SortedDocValues tails;
        private final BinaryDocValues documents;
        private final long textHigh;
        private final long textLow;
        /**
         * Where the text's tie-breaker falls among the segment's: its ord when a value has it, otherwise minus its
         * insertion point minus one (SortedDocValues.lookupTerm); unused when the text has none.
         */
        private final int textTail;
        private final boolean textHasTail;
        /** The stored document's value of the field alone, as a page's hits select theirs (made once). */
        private final DocumentCodec.Selection onlyTheField = DocumentCodec.Selection.of(Set.of(fieldId));
        /** The text's date-time key (high, low) when it is a date-time, else null. */
        private final long[] instant;
        /** contains: the tie-breakers' ords whose text contains the text, made on the first long text met. */
        private FixedBitSet containing;

        Values(LeafReader reader) throws IOException {
            highs = DocValues.getNumeric(reader, LuceneFields.order(fieldId));
            lows = DocValues.getNumeric(reader, LuceneFields.orderLow(fieldId));
            tails = DocValues.getSorted(reader, LuceneFields.textOrder(fieldId));
            documents = DocValues.getBinary(reader, LuceneCaseIndex.DOCUMENT);
            SortableValue key = asText(text);
            textHigh = LuceneFields.orderHigh(key);
            textLow = LuceneFields.orderLow(key);
            textHasTail = LuceneFields.needsTieBreaker(text);
            SortableValue parsed = SortableValue.of(new FieldValue.StringValue(text));
            instant = parsed.kind() == SortableValue.Kind.DATE_TIME
                    ? new long[]{LuceneFields.orderHigh(parsed), LuceneFields.orderLow(parsed)} : null;
            textTail = textHasTail && test != Test.CONTAINS ? tails.lookupTerm(LuceneFields.utf16(text)) : -1;
        }

        boolean matches(int doc) throws IOException {
            if (!highs.advanceExact(doc)) {
                return false;
            }
            long high = highs.longValue();
            if (LuceneFields.isDateTime(high)) {
                // Equality, contains, and ranges with a text that is not a date-time bring a date-time here, and
                // compare its text. Equal texts are equal instants, so equality reads the text only for those.
                if (test == Test.EQUAL && (instant == null || high != instant[0]
                        || (lows.advanceExact(doc) ? lows.longValue() : 0) != instant[1])) {
                    return false;
                }
                String value = storedText(doc);
                return value != null && test(value);
            }
            if (!LuceneFields.isText(high)) {
                return false;
            }
            if (test == Test.CONTAINS) {
                return contains(doc, high);
            }
            int c = compareTextKey(doc, high);
            return switch (test) {
                case EQUAL -> c == 0;
                case ABOVE -> c > 0 || c == 0 && inclusive;
                case BELOW -> c < 0 || c == 0 && inclusive;
                case CONTAINS -> throw new AssertionError();
            };
        }

        private boolean test(String value) {
            return switch (test) {
                case EQUAL -> value.equals(text);
                case ABOVE -> {
                    int c = value.compareTo(text);
                    yield c > 0 || c == 0 && inclusive;
                }
                case BELOW -> {
                    int c = value.compareTo(text);
                    yield c < 0 || c == 0 && inclusive;
                }
                case CONTAINS -> value.toLowerCase(Locale.ROOT).contains(text);
            };
        }

        /** The candidate's text key against the text's, in String.compareTo's order (as LuceneFields lays it out). */
        private int compareTextKey(int doc, long high) throws IOException {
            int c = Long.compare(high, textHigh);
            if (c != 0) {
                return c;
            }
            c = Long.compare(lows.advanceExact(doc) ? lows.longValue() : 0, textLow);
            if (c != 0) {
                return c;
            }
            // The same first seven units: a text without a tie-breaker is the other's prefix.
            boolean hasTail = tails.advanceExact(doc);
            if (!hasTail || !textHasTail) {
                return hasTail == textHasTail ? 0 : hasTail ? 1 : -1;
            }
            int ord = tails.ordValue();
            if (textTail >= 0) {
                return Integer.compare(ord, textTail);
            }
            return ord < -textTail - 1 ? -1 : 1;
        }

        private boolean contains(int doc, long high) throws IOException {
            if (!tails.advanceExact(doc)) {
                // A short text is whole in its two longs.
                return test(LuceneFields.text(high, lows.advanceExact(doc) ? lows.longValue() : 0));
            }
            if (containing == null) {
                containing = containingOrds();
            }
            return containing.get(tails.ordValue());
        }

        /**
         * The long texts of the segment that contain the text, walked once in order: looking each case's text up by
         * its ord instead would decompress a block of the terms dictionary per case (14 s for a million ids).
         */
        private FixedBitSet containingOrds() throws IOException {
            var ords = new FixedBitSet(Math.max(1, tails.getValueCount()));
            TermsEnum texts = tails.termsEnum();
            int ord = 0;
            for (BytesRef t = texts.next(); t != null; t = texts.next(), ord++) {
                if (test(LuceneFields.text(t))) {
                    ords.set(ord);
                }
            }
            return ords;
        }

        private String storedText(int doc) throws IOException {
            if (!documents.advanceExact(doc)) {
                return null;
            }
            CaseDocument document = DocumentCodec.decode(documents.binaryValue(), onlyTheField);
            return LuceneFields.text(document.values().get(fieldId));
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(fieldId)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        return fieldId + ":" + test + (inclusive ? "=" : "") + "(" + text + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && fieldId.equals(((TextFilterQuery) other).fieldId)
                && test == ((TextFilterQuery) other).test && text.equals(((TextFilterQuery) other).text)
                && inclusive == ((TextFilterQuery) other).inclusive
                && candidates.equals(((TextFilterQuery) other).candidates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), fieldId, test, text, inclusive, candidates);
    }
}
