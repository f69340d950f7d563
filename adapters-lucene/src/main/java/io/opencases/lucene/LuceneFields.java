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

import java.time.Instant;

/**
 * How a case field becomes Lucene fields: about two per value. Per field id: the sort key in CaseOrdering's value
 * order as two longs, {@code o.} (numeric doc values, cheap to compare and to copy into the top-N queue, and points
 * under the same name, so that Lucene can skip cases that cannot be competitive; also what "has a value", boolean
 * equality and text ranges are answered from) and {@code o2.} (only when not zero); then by kind: numbers {@code n.}
 * points (exact doubles for filters); text {@code h.} a point of the text's hash (equality's candidates), date-times
 * also {@code t.} instant points; and, only for text longer than the seven units the two longs hold, {@code s.} the
 * whole text as UTF-16 bytes to break ties between texts that share their first seven characters. Booleans have
 * nothing else. A text is whole in its sort key, so the text filters check their candidates against it
 * ({@link TextFilterQuery}) instead of indexing each text as a term: most of a case's texts are nearly unique, and a
 * term per text cost about a third of indexing's CPU. Public only for the benchmarks' hand-written Lucene.
 */
public final class LuceneFields {
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

    static String hashes(String fieldId) {
        return "h." + fieldId;
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
            doc.add(new LongPoint(names.hashes, textHash(text)));
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
    private record Names(String order, String orderLow, String textOrder, String hashes, String time, String number) {
    }

    private static final int MAX_NAMES = 100_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, Names> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Names names(String id) {
        Names names = NAMES.get(id);
        if (names == null) {
            names = new Names(order(id), orderLow(id), textOrder(id), hashes(id), time(id), number(id));
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

    /**
     * The text's tie-breaker: each UTF-16 unit as two bytes, high first, whose unsigned byte order is
     * String.compareTo's order. Every unit is kept as it is, an unpaired surrogate too, so the text can be read back
     * exactly ({@link #text(BytesRef)}).
     */
    static BytesRef utf16(String text) {
        int length = text.length();
        byte[] bytes = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            bytes[2 * i] = (byte) (c >>> 8);
            bytes[2 * i + 1] = (byte) c;
        }
        return new BytesRef(bytes);
    }

    /** The text that {@link #utf16} wrote. */
    static String text(BytesRef utf16) {
        char[] chars = new char[utf16.length / 2];
        for (int i = 0; i < chars.length; i++) {
            int at = utf16.offset + 2 * i;
            chars[i] = (char) ((utf16.bytes[at] & 0xff) << 8 | utf16.bytes[at + 1] & 0xff);
        }
        return new String(chars);
    }

    /**
     * The text of a text-kind sort key (a value without the tie-breaker): the units the two longs hold, up to the
     * first NUL (a text with a NUL of its own always has the tie-breaker).
     */
    static String text(long high, long low) {
        long units = low ^ Long.MIN_VALUE;
        char[] chars = {(char) (high >>> 32), (char) (high >>> 16), (char) high, (char) (units >>> 48),
                (char) (units >>> 32), (char) (units >>> 16), (char) units};
        int length = 0;
        while (length < chars.length && chars[length] != 0) {
            length++;
        }
        return new String(chars, 0, length);
    }

    /** The lowest and highest high longs of text and of date-time keys: point ranges over a kind use them. */
    static final long TEXT_MIN = TEXT_BASE;
    static final long TEXT_MAX = BOOLEAN_BASE - 1;
    static final long DATE_TIME_MIN = DATE_TIME_BASE;
    static final long DATE_TIME_MAX = TEXT_BASE - 1;

    /** Whether a sort key's high long is a text's. */
    static boolean isText(long high) {
        return high >= TEXT_MIN && high <= TEXT_MAX;
    }

    /** Whether a sort key's high long is a date-time's. */
    static boolean isDateTime(long high) {
        return high >= DATE_TIME_MIN && high <= DATE_TIME_MAX;
    }

    /**
     * A text's 64-bit hash: FNV-1a over its UTF-16 units, then MurmurHash3's finaliser to spread the bits. Equal
     * texts hash equal; a filter verifies every candidate it finds by hash, so a collision costs a check, not a
     * wrong answer.
     */
    public static long textHash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
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
