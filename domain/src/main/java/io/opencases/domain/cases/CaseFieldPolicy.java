package io.opencases.domain.cases;

import io.opencases.domain.DomainException;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rules a value must follow to be written to a case field: the union member must match the field type, text
 * must fit, URLs and date-times must parse, SingleSelect values must be active options, service-owned fields are
 * never written by callers, and deleted fields only accept changes to values a case already has.
 */
public final class CaseFieldPolicy {
    private static final Pattern PROFILE_ARN = Pattern.compile(
            "arn:aws[a-z-]*:profile:[a-z0-9-]+:\\d{12}:domains/[^/]+/profiles/[^/]+");

    private CaseFieldPolicy() {
    }

    /**
     * Checks one write. {@code current} is the case's value before the write (null when it has none, or on
     * creation); {@code options} are the field's options (empty unless SingleSelect).
     */
    public static void checkWrite(Field field, FieldValue value, FieldValue current, List<FieldOption> options) {
        String id = field.fieldId();
        if (SystemFields.isServiceOwned(id)) {
            throw DomainException.invalid("fields: %s is maintained by the service and cannot be written.", id);
        }
        if (field.deleted() && current == null) {
            throw DomainException.invalid("fields: field %s is deleted; only a value a case already has can be "
                    + "changed or cleared.", id);
        }
        if (value instanceof FieldValue.Empty) {
            return;
        }
        switch (field.type()) {
            case Text -> checkText(field, expectString(field, value));
            case Url -> checkUrl(id, expectString(field, value));
            case DateTime -> checkDateTime(id, expectString(field, value));
            case SingleSelect -> checkOption(id, expectString(field, value), current, options);
            case Number -> expect(field, value, FieldValue.DoubleValue.class, "doubleValue");
            case Boolean -> expect(field, value, FieldValue.BooleanValue.class, "booleanValue");
            case User -> expect(field, value, FieldValue.UserArnValue.class, "userArnValue");
        }
    }

    private static String expectString(Field field, FieldValue value) {
        return expect(field, value, FieldValue.StringValue.class, "stringValue").value();
    }

    private static <T extends FieldValue> T expect(Field field, FieldValue value, Class<T> type, String member) {
        if (!type.isInstance(value)) {
            throw DomainException.invalid("fields: field %s is of type %s and takes %s (or emptyValue).",
                    field.fieldId(), field.type(), member);
        }
        return type.cast(value);
    }

    private static void checkText(Field field, String text) {
        int length = text.codePointCount(0, text.length());
        if (length > field.maxTextLength()) {
            throw DomainException.invalid("fields: the value of %s has %d characters; at most %d are allowed.",
                    field.fieldId(), length, field.maxTextLength());
        }
        if (SystemFields.CUSTOMER_ID.equals(field.fieldId()) && !PROFILE_ARN.matcher(text).matches()) {
            throw DomainException.invalid("fields: customer_id must be a Customer Profiles profile ARN "
                    + "(arn:aws:profile:<region>:<account>:domains/<domain>/profiles/<profileId>).");
        }
    }

    private static void checkUrl(String id, String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException();
            }
        } catch (Exception e) {
            throw DomainException.invalid("fields: the value of %s is not an http(s) URL.", id);
        }
    }

    private static void checkDateTime(String id, String text) {
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("fields: the value of %s is not an ISO-8601 date-time with offset "
                    + "(e.g. 2026-01-31T09:30:00Z).", id);
        }
    }

    private static void checkOption(String id, String value, FieldValue current, List<FieldOption> options) {
        boolean unchanged = current instanceof FieldValue.StringValue s && s.value().equals(value);
        boolean active = options.stream().anyMatch(o -> o.value().equals(value) && o.active());
        if (!active && !unchanged) {
            throw DomainException.invalid("fields: '%s' is not an active option of field %s.", value, id);
        }
    }

    /** Whether a case value equals a rule operand; an absent value equals emptyValue. */
    public static boolean sameValue(FieldValue caseValue, FieldValue operand) {
        FieldValue actual = caseValue == null ? FieldValue.EMPTY : caseValue;
        if (actual instanceof FieldValue.UserArnValue u && operand instanceof FieldValue.StringValue s) {
            return u.value().equals(s.value());
        }
        return Objects.equals(actual, operand);
    }
}
