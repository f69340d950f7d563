package io.opencases.lucene;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.SortableValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The sort key (two longs, then the UTF-16 text) must order values exactly as CaseOrdering.compare does. */
class LuceneFieldsTest {

    @Test
    void sortKeyOrdersLikeCaseOrdering() {
        var values = new ArrayList<FieldValue>(List.of(
                new FieldValue.DoubleValue(Double.NEGATIVE_INFINITY), new FieldValue.DoubleValue(-Double.MAX_VALUE),
                new FieldValue.DoubleValue(-1), new FieldValue.DoubleValue(-0.0), new FieldValue.DoubleValue(0.0),
                new FieldValue.DoubleValue(Double.MIN_VALUE), new FieldValue.DoubleValue(1),
                new FieldValue.DoubleValue(Math.nextUp(1.0)), new FieldValue.DoubleValue(Double.MAX_VALUE),
                new FieldValue.DoubleValue(Double.POSITIVE_INFINITY),
                new FieldValue.StringValue("-999999999-01-01T00:00:00Z"),
                new FieldValue.StringValue("1600-01-01T00:00:00Z"),
                new FieldValue.StringValue("2026-01-01T10:00:00Z"),
                new FieldValue.StringValue("2026-01-01T10:00:00.000000001Z"),
                new FieldValue.StringValue("2026-01-01T11:00:00+01:00"),
                new FieldValue.StringValue("9999-12-31T23:59:59.999999999Z"),
                new FieldValue.StringValue("+999999999-12-31T23:59:59.999999999Z"),
                new FieldValue.StringValue(""), new FieldValue.StringValue("\u0000"),
                new FieldValue.StringValue("a"), new FieldValue.StringValue("a\u0000"),
                new FieldValue.StringValue("printer"), new FieldValue.StringValue("printer on fire"),
                new FieldValue.StringValue("printer jammed"), new FieldValue.StringValue("\uffff"),
                new FieldValue.StringValue("\ud83d\ude00"), new FieldValue.StringValue("\ue000"),
                new FieldValue.UserArnValue("arn:aws:connect:::agent/1"),
                new FieldValue.BooleanValue(false), new FieldValue.BooleanValue(true)));
        var random = new Random(7);
        for (int i = 0; i < 80; i++) {
            values.add(new FieldValue.DoubleValue(Double.longBitsToDouble(random.nextLong())));
            values.add(new FieldValue.DoubleValue(random.nextInt(2000) - 1000));
            var chars = new char[random.nextInt(12)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = "ab\u0000\u00e9\uffff\ud83dz".charAt(random.nextInt(7));
            }
            values.add(new FieldValue.StringValue(new String(chars)));
        }
        values.removeIf(v -> v instanceof FieldValue.DoubleValue d && Double.isNaN(d.value()));
        for (FieldValue a : values) {
            for (FieldValue b : values) {
                assertThat(Integer.signum(compareKeys(a, b))).as(a + " vs " + b)
                        .isEqualTo(Integer.signum(CaseOrdering.compare(a, b)));
            }
        }
    }

    /** Text filters check candidates against the text read back from the key, so it must come back whole. */
    @Test
    void aTextIsWholeInItsSortKey() {
        var random = new Random(13);
        var texts = new ArrayList<>(List.of("", "a", "abc", "abcdefg", "abcdefgh", "a\u0000", "\u0000",
                "\ud83d\ude00", "\ud83d", "x\ude00y", "\uffff\uffff\uffff\uffff\uffff\uffff\uffff", "\u8000"));
        for (int i = 0; i < 500; i++) {
            var chars = new char[random.nextInt(12)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) random.nextInt(Character.MAX_VALUE + 1);
            }
            texts.add(new String(chars));
        }
        for (String text : texts) {
            SortableValue key = new SortableValue(SortableValue.Kind.TEXT, 0, null, text, false);
            String back = LuceneFields.needsTieBreaker(text) ? LuceneFields.text(LuceneFields.utf16(text))
                    : LuceneFields.text(LuceneFields.orderHigh(key), LuceneFields.orderLow(key));
            assertThat(back).as(text.chars().boxed().toList().toString()).isEqualTo(text);
            assertThat(LuceneFields.isText(LuceneFields.orderHigh(key))).isTrue();
            assertThat(LuceneFields.textHash(text)).isEqualTo(LuceneFields.textHash(new String(text.toCharArray())));
        }
    }

    private static int compareKeys(FieldValue a, FieldValue b) {
        SortableValue x = SortableValue.of(a);
        SortableValue y = SortableValue.of(b);
        int c = Long.compare(LuceneFields.orderHigh(x), LuceneFields.orderHigh(y));
        if (c == 0) {
            c = Long.compare(LuceneFields.orderLow(x), LuceneFields.orderLow(y));
        }
        if (c == 0 && x.kind() == SortableValue.Kind.TEXT) {
            c = LuceneFields.utf16(x.text()).compareTo(LuceneFields.utf16(y.text()));
        }
        return c;
    }
}
