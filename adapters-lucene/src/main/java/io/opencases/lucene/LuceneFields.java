package io.opencases.lucene;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.SortableValue;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * How a case field becomes Lucene fields: about two per value. Per field id: the sort key in CaseOrdering's value
 * order as two longs, {@code o.} (numeric doc values, cheap to compare and to copy into the top-N queue, and points
 * under the same name, so that Lucene can skip cases that cannot be competitive; also what "has a value" and boolean
 * equality are answered from) and {@code o2.} (only when not zero); then by kind: numbers {@code n.} points (exact
 * doubles for filters); text {@code kw.} the exact text (equality, text ranges and {@code contains}, which lower-cases
 * the terms as it walks them), date-times also {@code t.} instant points; and, only for text longer than the seven
 * units the two longs hold, {@code s.} the whole text as UTF-16 bytes to break ties between texts that share their
 * first seven characters. Booleans have nothing else.
 */
final class LuceneFields {
    static final String WORD = "w";
    static final String TAG = "tag";
    static final String TAG_VALUE = "tagval";

    private LuceneFields() {
    }

    static String order(String fieldId) {
        return "o." + fieldId;
    }

    static String orderLow(String fieldId) {
        return "o2." + fieldId;
    }

    static String textOrder(String fieldId) {
        return "s." + fieldId;
    }

    static String exact(String fieldId) {
        return "kw." + fieldId;
    }

    static String time(String fieldId) {
        return "t." + fieldId;
    }

    static String number(String fieldId) {
        return "n." + fieldId;
    }

    static void add(Document doc, String id, FieldValue value) {
        if (value instanceof FieldValue.Empty) {
            return;
        }
        Names names = names(id);
        SortableValue sortable = SortableValue.of(value);
        long high = orderHigh(sortable);
        long low = orderLow(sortable);
        doc.add(new NumericDocValuesField(names.order, high));
        // Points under the same name let a sort skip whole blocks of cases that cannot enter the page.
        doc.add(new LongPoint(names.order, high));
        if (low != 0) {
            doc.add(new NumericDocValuesField(names.orderLow, low));
        }
        if (value instanceof FieldValue.DoubleValue d) {
            doc.add(new DoublePoint(names.number, d.value()));
        } else if (!(value instanceof FieldValue.BooleanValue)) {
            String text = text(value);
            doc.add(new StringField(names.exact, text, Field.Store.NO));
            if (sortable.kind() == SortableValue.Kind.DATE_TIME) {
                doc.add(new LongPoint(names.time, nanos(sortable.instant())));
            } else if (needsTieBreaker(text)) {
                doc.add(new SortedDocValuesField(names.textOrder, utf16(text)));
            }
        }
    }

    /**
     * A field id's Lucene field names, made once: every case repeats the same few dozen, and a name made afresh per
     * value costs its concatenation and, in the indexing chain's field lookup, its hash code.
     */
    private record Names(String order, String orderLow, String textOrder, String exact, String time, String number) {
    }

    private static final int MAX_NAMES = 100_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, Names> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Names names(String id) {
        Names names = NAMES.get(id);
        if (names == null) {
            names = new Names(order(id), orderLow(id), textOrder(id), exact(id), time(id), number(id));
            // Bounded: a server with more field ids than this makes the rest per value, as before.
            if (NAMES.size() < MAX_NAMES) {
                NAMES.putIfAbsent(id, names);
            }
        }
        return names;
    }

    /**
     * Whether the two longs do not hold the whole text: longer than seven units, or a NUL among them (a missing unit
     * reads as NUL, so "ab" and "ab\0" would tie). A text without the tie-breaker sorts before every text with one
     * that shares its key, which is right: it is their prefix.
     */
    static boolean needsTieBreaker(String text) {
        return text.length() > 7 || text.indexOf('\u0000') >= 0;
    }

    /** The key of a boolean value, for equality filters on {@code o.}. */
    static long booleanKey(boolean value) {
        return BOOLEAN_BASE + (value ? 1 : 0);
    }

    /** A tag: key NUL value (equality, and key alone as a prefix), and the value alone. */
    static void addTag(Document doc, String key, String value) {
        doc.add(new StringField(TAG, key + '\u0000' + value, Field.Store.NO));
        doc.add(new StringField(TAG_VALUE, value, Field.Store.NO));
    }

    static String text(FieldValue value) {
        if (value instanceof FieldValue.StringValue s) {
            return s.value();
        }
        return value instanceof FieldValue.UserArnValue u ? u.value() : null;
    }

    /*
     * The sort key. The high long holds the kind (numbers, date-times, text, booleans: CaseOrdering's kind order) in
     * its top two bits and as much of the value as fits below; the low long the rest. Numbers: the 64 bits of the
     * sortable double split 62 + 2. Date-times: epoch second + 2^55 (Instant's range fits in 56 bits) and the nano.
     * Text: the first three UTF-16 units, then the next four (String.compareTo order), then s. for the rest.
     * Booleans: 0 or 1. Every key lies strictly between Long.MIN_VALUE and Long.MAX_VALUE, left for the missing.
     */
    private static final long NUMBER_BASE = Long.MIN_VALUE;
    private static final long DATE_TIME_BASE = Long.MIN_VALUE + (1L << 62);
    private static final long TEXT_BASE = 0;
    private static final long BOOLEAN_BASE = 1L << 62;

    static long orderHigh(SortableValue v) {
        return switch (v.kind()) {
            case NUMBER -> NUMBER_BASE + (unsignedSortable(v.number()) >>> 2);
            case DATE_TIME -> DATE_TIME_BASE + v.instant().getEpochSecond() + (1L << 55);
            case TEXT -> TEXT_BASE + ((long) unit(v.text(), 0) << 32 | (long) unit(v.text(), 1) << 16
                    | unit(v.text(), 2));
            case BOOLEAN -> BOOLEAN_BASE + (v.bool() ? 1 : 0);
        };
    }

    static long orderLow(SortableValue v) {
        return switch (v.kind()) {
            case NUMBER -> unsignedSortable(v.number()) & 3;
            case DATE_TIME -> v.instant().getNano();
            case TEXT -> ((long) unit(v.text(), 3) << 48 | (long) unit(v.text(), 4) << 32
                    | (long) unit(v.text(), 5) << 16 | unit(v.text(), 6)) ^ Long.MIN_VALUE;
            case BOOLEAN -> 0;
        };
    }

    /** The text's tie-breaker: UTF-16 big-endian, whose unsigned byte order is String.compareTo's order. */
    static BytesRef utf16(String text) {
        // Each char as two bytes, high first: what the charset encoder makes of any text without surrogates, which
        // it would check and pair (and replace when unpaired), so such a text still goes through it.
        int length = text.length();
        byte[] bytes = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                return new BytesRef(text.getBytes(StandardCharsets.UTF_16BE));
            }
            bytes[2 * i] = (byte) (c >>> 8);
            bytes[2 * i + 1] = (byte) c;
        }
        return new BytesRef(bytes);
    }

    /** The double's order as an unsigned long. */
    private static long unsignedSortable(double value) {
        return NumericUtils.doubleToSortableLong(value) ^ Long.MIN_VALUE;
    }

    private static int unit(String text, int index) {
        return index < text.length() ? text.charAt(index) : 0;
    }

    /** Nanoseconds since the epoch, clamped outside the years 1677–2262 that a long can count. */
    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
