package io.opencases.domain.search;

import io.opencases.domain.field.FieldValue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filter algebra of the API (CaseFilter, and CustomFieldsFilter which is the same without tags): comparisons
 * of one field with a value, tag equality, negation, and all/any combinations, evaluated against a document's
 * field values and tags.
 */
public sealed interface FieldFilter {

    boolean test(Map<String, FieldValue> values, Map<String, String> tags);

    /** The tag filter: a tag with this key and value (a null member matches any key or value). */
    record TagEqualTo(String key, String value) implements FieldFilter {
        @Override
        public boolean test(Map<String, FieldValue> values, Map<String, String> tags) {
            return tags.entrySet().stream().anyMatch(t -> (key == null || key.equals(t.getKey()))
                    && (value == null || value.equals(t.getValue())));
        }
    }

    enum Operator {
        EQUAL_TO, CONTAINS, GREATER_THAN, GREATER_THAN_OR_EQUAL_TO, LESS_THAN, LESS_THAN_OR_EQUAL_TO
    }

    /**
     * {@code emptyValue} compares as "has no value". contains is a case-insensitive substring test on text;
     * ordering compares numbers numerically, ISO date-times as instants and other text lexicographically.
     */
    record Comparison(Operator operator, String fieldId, FieldValue value) implements FieldFilter {
        @Override
        public boolean test(Map<String, FieldValue> values, Map<String, String> tags) {
            FieldValue actual = values.get(fieldId);
            if (value instanceof FieldValue.Empty) {
                boolean absent = actual == null;
                return operator == Operator.EQUAL_TO && absent;
            }
            if (actual == null) {
                return false;
            }
            return switch (operator) {
                case EQUAL_TO -> actual.equals(value) || sameText(actual, value);
                case CONTAINS -> text(actual) != null && text(value) != null
                        && text(actual).toLowerCase(Locale.ROOT).contains(text(value).toLowerCase(Locale.ROOT));
                case GREATER_THAN -> compare(actual, value) > 0;
                case GREATER_THAN_OR_EQUAL_TO -> compare(actual, value) >= 0;
                case LESS_THAN -> comparable(actual, value) && compare(actual, value) < 0;
                case LESS_THAN_OR_EQUAL_TO -> comparable(actual, value) && compare(actual, value) <= 0;
            };
        }

        static final int NONE = Integer.MIN_VALUE;

        private static boolean comparable(FieldValue a, FieldValue b) {
            return compare(a, b) != NONE;
        }

        private static boolean sameText(FieldValue a, FieldValue b) {
            return text(a) != null && text(a).equals(text(b));
        }

        private static String text(FieldValue v) {
            if (v instanceof FieldValue.StringValue s) {
                return s.value();
            }
            return v instanceof FieldValue.UserArnValue u ? u.value() : null;
        }

        /** Comparison result, or NONE when the two values are not comparable. */
        static int compare(FieldValue a, FieldValue b) {
            if (a instanceof FieldValue.DoubleValue x && b instanceof FieldValue.DoubleValue y) {
                return Double.compare(x.value(), y.value());
            }
            String ta = text(a);
            String tb = text(b);
            if (ta == null || tb == null) {
                return NONE;
            }
            var ia = SortableValue.instant(ta);
            var ib = SortableValue.instant(tb);
            if (ia != null && ib != null) {
                return ia.compareTo(ib);
            }
            return Integer.signum(ta.compareTo(tb));
        }
    }

    record Not(FieldFilter filter) implements FieldFilter {
        @Override
        public boolean test(Map<String, FieldValue> values, Map<String, String> tags) {
            return !filter.test(values, tags);
        }
    }

    record AndAll(List<FieldFilter> filters) implements FieldFilter {
        @Override
        public boolean test(Map<String, FieldValue> values, Map<String, String> tags) {
            return filters.stream().allMatch(f -> f.test(values, tags));
        }
    }

    record OrAll(List<FieldFilter> filters) implements FieldFilter {
        @Override
        public boolean test(Map<String, FieldValue> values, Map<String, String> tags) {
            return filters.stream().anyMatch(f -> f.test(values, tags));
        }
    }
}
