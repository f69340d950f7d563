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
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
