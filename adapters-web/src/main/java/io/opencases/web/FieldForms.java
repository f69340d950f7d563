package io.opencases.web;

import io.opencases.domain.DomainException;
import io.opencases.domain.cases.CaseRuleOutcome;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import io.opencases.web.view.Views.Choice;
import io.opencases.web.view.Views.FieldInput;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Field values to and from the form controls: the right input per field type, option names for SingleSelect
 * values, and the typed value a form string means. Date-times are shown and entered in UTC.
 */
final class FieldForms {
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private FieldForms() {
    }

    /** The value as a form control holds it ("" for none). */
    static String formValue(Field field, FieldValue value) {
        if (value == null || value instanceof FieldValue.Empty) {
            return "";
        }
        if (field != null && field.type() == FieldType.DateTime && value instanceof FieldValue.StringValue s) {
            try {
                return LOCAL_INPUT.format(Instant.parse(s.value()).atOffset(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return s.value();
            }
        }
        return text(value);
    }

    /** The value as a person reads it: option names, UTC date-times, agent names for workspace user ARNs. */
    static String display(Field field, FieldValue value, DomainCatalog catalog) {
        if (value == null || value instanceof FieldValue.Empty) {
            return "";
        }
        if (field != null && field.type() == FieldType.SingleSelect && value instanceof FieldValue.StringValue s) {
            return catalog.optionName(field.fieldId(), s.value());
        }
        if (field != null && field.type() == FieldType.DateTime && value instanceof FieldValue.StringValue s) {
            return displayTime(s.value());
        }
        if (value instanceof FieldValue.BooleanValue b) {
            return b.value() ? "Yes" : "No";
        }
        if (value instanceof FieldValue.UserArnValue u) {
            return userName(u.value());
        }
        return text(value);
    }

    static String displayTime(String iso) {
        try {
            return DISPLAY.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    static String displayTime(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant);
    }

    /** A workspace agent's ARN shows as their name; any other user ARN as itself. */
    static String userName(String arn) {
        int at = arn.indexOf(":instance/opencases/agent/");
        return at < 0 ? arn : arn.substring(at + ":instance/opencases/agent/".length());
    }

    static String text(FieldValue value) {
        if (value instanceof FieldValue.StringValue s) {
            return s.value();
        }
        if (value instanceof FieldValue.DoubleValue d) {
            double v = d.value();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        if (value instanceof FieldValue.BooleanValue b) {
            return Boolean.toString(b.value());
        }
        if (value instanceof FieldValue.UserArnValue u) {
            return u.value();
        }
        return "";
    }

    /** What a form string means for the field: emptyValue for "", otherwise the type's value (400 if malformed). */
    static FieldValue parse(Field field, String input) {
        String raw = input == null ? "" : input.strip();
        if (raw.isEmpty()) {
            return FieldValue.EMPTY;
        }
        return switch (field.type()) {
            case Text, Url, SingleSelect -> new FieldValue.StringValue(field.type() == FieldType.Text ? input : raw);
            case Number -> {
                try {
                    yield new FieldValue.DoubleValue(Double.parseDouble(raw));
                } catch (NumberFormatException e) {
                    throw DomainException.invalid("%s: '%s' is not a number.", field.name(), raw);
                }
            }
            case Boolean -> new FieldValue.BooleanValue(Boolean.parseBoolean(raw));
            case User -> new FieldValue.UserArnValue(raw);
            case DateTime -> {
                try {
                    Instant at = raw.endsWith("Z") ? Instant.parse(raw)
                            : LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC);
                    yield new FieldValue.StringValue(DateTimeFormatter.ISO_INSTANT.format(at));
                } catch (DateTimeParseException e) {
                    throw DomainException.invalid("%s: '%s' is not a date and time.", field.name(), raw);
                }
            }
        };
    }

    /** The control for one field, holding {@code value} (the stored or the posted one) over {@code base}. */
    static FieldInput input(Field field, String value, String base, FieldValue stored, DomainCatalog catalog,
                            CaseRuleOutcome rules) {
        String kind = kind(field);
        var choices = new ArrayList<Choice>();
        if (field.type() == FieldType.SingleSelect) {
            List<FieldOption> options = catalog.options(field.fieldId());
            for (FieldOption o : options) {
                if (o.active() || o.value().equals(value)) {
                    choices.add(new Choice(o.value(), o.name(), o.value().equals(value),
                            rules.allows(field.fieldId(), o.value())));
                }
            }
        }
        return new FieldInput(field.fieldId(), field.name(), kind, value, base, display(field, stored, catalog),
                choices, rules.required().contains(field.fieldId()), rules.hidden().contains(field.fieldId()));
    }

    private static String kind(Field field) {
        if (SystemFields.isServiceOwned(field.fieldId())) {
            return "readonly";
        }
        return switch (field.type()) {
            case Text -> Boolean.TRUE.equals(field.multiline()) || SystemFields.SUMMARY.equals(field.fieldId())
                    ? "textarea" : "text";
            case Number -> "number";
            case Boolean -> "boolean";
            case DateTime -> "datetime";
            case SingleSelect -> "select";
            case Url -> "url";
            case User -> "user";
        };
    }

    /** The form's values as typed values, skipping those that do not parse (for rule evaluation while typing). */
    static void overlay(Map<String, FieldValue> values, Map<String, String> form, DomainCatalog catalog) {
        form.forEach((id, raw) -> {
            Field field = catalog.fields.get(id);
            if (field == null) {
                return;
            }
            try {
                FieldValue v = parse(field, raw);
                if (v instanceof FieldValue.Empty) {
                    values.remove(id);
                } else {
                    values.put(id, v);
                }
            } catch (DomainException ignored) {
                // Half-typed input: the rules see the field as it was.
            }
        });
    }
}
