package io.opencases.domain.search;

import io.opencases.domain.field.FieldValue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A field value classified for ordering: text that parses as an ISO-8601 date-time orders as an instant. */
public record SortableValue(Kind kind, double number, Instant instant, String text, boolean bool) {

    public enum Kind {
        NUMBER, DATE_TIME, TEXT, BOOLEAN
    }

    public static SortableValue of(FieldValue value) {
        if (value instanceof FieldValue.DoubleValue d) {
            return new SortableValue(Kind.NUMBER, d.value(), null, null, false);
        }
        if (value instanceof FieldValue.BooleanValue b) {
            return new SortableValue(Kind.BOOLEAN, 0, null, null, b.value());
        }
        String text = value instanceof FieldValue.StringValue s ? s.value()
                : value instanceof FieldValue.UserArnValue u ? u.value() : "";
        Instant instant = instant(text);
        return instant != null ? new SortableValue(Kind.DATE_TIME, 0, instant, text, false)
                : new SortableValue(Kind.TEXT, 0, null, text, false);
    }

    /** The instant an ISO-8601 date-time with offset denotes, or null when the text is not one. */
    public static Instant instant(String text) {
        if (text.length() < 20 || text.charAt(4) != '-') {
            return null;
        }
        Instant utc = utcInstant(text);
        if (utc != null) {
            return utc;
        }
        return parsed(text);
    }

    /** What OffsetDateTime.parse makes of the text (ISO-8601 with offset, strictly resolved), or null. */
    static Instant parsed(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The common form, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (every stored date-time of a case), read without the
     * formatter: each value of every case passes here when it is indexed. Anything else, or anything this does not
     * fully check, is null and left to {@link #parsed}; SortableValueTest holds the two equal.
     */
    private static Instant utcInstant(String text) {
        int length = text.length();
        if (text.charAt(length - 1) != 'Z' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nano = 0;
        if (length != 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nano = digits(text, 20, fraction);
            for (int i = fraction; i < 9; i++) {
                nano *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || nano < 0
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour < 0 || minute < 0
                || second < 0) {
            return null;
        }
        return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nano)
                .toInstant(java.time.ZoneOffset.UTC);
    }

    /** The decimal number in {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
