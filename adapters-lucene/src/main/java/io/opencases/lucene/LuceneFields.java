package io.opencases.lucene;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.SortableValue;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * How a case field becomes Lucene fields. Per field id: {@code has} (present), {@code kw.} exact text,
 * {@code lc.} lower-cased text (contains), {@code t.} date-time instant points, {@code nd.} text that is not a
 * date-time, {@code n.} number points, {@code b.} booleans, and {@code s.} one sortable key whose byte order is
 * CaseOrdering's value order.
 */
final class LuceneFields {
    static final String WORD = "w";
    static final String HAS = "has";
    static final String TAG = "tag";
    static final String TAG_KEY = "tagkey";
    static final String TAG_VALUE = "tagval";
    static final String HAS_TAG = "hastag";

    private LuceneFields() {
    }

    static String sort(String fieldId) {
        return "s." + fieldId;
    }

    static String exact(String fieldId) {
        return "kw." + fieldId;
    }

    static String lower(String fieldId) {
        return "lc." + fieldId;
    }

    static String time(String fieldId) {
        return "t." + fieldId;
    }

    static String notTime(String fieldId) {
        return "nd." + fieldId;
    }

    static String number(String fieldId) {
        return "n." + fieldId;
    }

    static String bool(String fieldId) {
        return "b." + fieldId;
    }

    static void add(Document doc, String id, FieldValue value) {
        if (value instanceof FieldValue.Empty) {
            return;
        }
        doc.add(new StringField(HAS, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(sort(id), sortBytes(value)));
        if (value instanceof FieldValue.DoubleValue d) {
            doc.add(new DoublePoint(number(id), d.value()));
        } else if (value instanceof FieldValue.BooleanValue b) {
            doc.add(new StringField(bool(id), String.valueOf(b.value()), Field.Store.NO));
        } else {
            String text = text(value);
            doc.add(new StringField(exact(id), text, Field.Store.NO));
            doc.add(new StringField(lower(id), text.toLowerCase(Locale.ROOT), Field.Store.NO));
            Instant instant = SortableValue.instant(text);
            if (instant != null) {
                doc.add(new LongPoint(time(id), nanos(instant)));
            } else {
                doc.add(new StringField(notTime(id), text, Field.Store.NO));
            }
        }
    }

    static void addTag(Document doc, String key, String value) {
        doc.add(new StringField(TAG, key + '\u0000' + value, Field.Store.NO));
        doc.add(new StringField(TAG_KEY, key, Field.Store.NO));
        doc.add(new StringField(TAG_VALUE, value, Field.Store.NO));
        doc.add(new StringField(HAS_TAG, "1", Field.Store.NO));
    }

    static String text(FieldValue value) {
        if (value instanceof FieldValue.StringValue s) {
            return s.value();
        }
        return value instanceof FieldValue.UserArnValue u ? u.value() : null;
    }

    /** A kind byte, then a big-endian encoding whose unsigned byte order is the value order within the kind. */
    static BytesRef sortBytes(FieldValue value) {
        SortableValue v = SortableValue.of(value);
        return switch (v.kind()) {
            case NUMBER -> new BytesRef(ByteBuffer.allocate(9).put((byte) 1)
                    .putLong(flip(org.apache.lucene.util.NumericUtils.doubleToSortableLong(v.number()))).array());
            case DATE_TIME -> new BytesRef(ByteBuffer.allocate(13).put((byte) 2)
                    .putLong(flip(v.instant().getEpochSecond())).putInt(v.instant().getNano()).array());
            case TEXT -> {
                byte[] utf8 = v.text().getBytes(StandardCharsets.UTF_8);
                yield new BytesRef(ByteBuffer.allocate(utf8.length + 1).put((byte) 3).put(utf8).array());
            }
            case BOOLEAN -> new BytesRef(new byte[]{4, (byte) (v.bool() ? 1 : 0)});
        };
    }

    /** Signed longs compare as unsigned bytes once the sign bit is flipped. */
    private static long flip(long value) {
        return value ^ Long.MIN_VALUE;
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
