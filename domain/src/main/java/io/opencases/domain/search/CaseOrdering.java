package io.opencases.domain.search;

import io.opencases.domain.field.FieldValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The total order of search results: the requested sorts, then the case id so that equal keys still have one
 * stable order and a cursor can continue after any hit. Cases without a value for a sort field come last in either
 * direction.
 */
public final class CaseOrdering {
    private CaseOrdering() {
    }

    /** A hit's position in the order: its sort values (null when absent) and its case id. */
    public record Key(List<FieldValue> sortValues, String caseId) {
        public Key {
            sortValues = java.util.Collections.unmodifiableList(new ArrayList<>(sortValues));
        }
    }

    public static Key key(CaseDocument document, List<CaseSort> sorts) {
        var values = new ArrayList<FieldValue>();
        sorts.forEach(s -> values.add(document.values().get(s.fieldId())));
        return new Key(values, document.caseId());
    }

    public static Comparator<Key> comparator(List<CaseSort> sorts) {
        return (a, b) -> {
            for (int i = 0; i < sorts.size(); i++) {
                int c = compareValues(a.sortValues().get(i), b.sortValues().get(i), sorts.get(i).ascending());
                if (c != 0) {
                    return c;
                }
            }
            return a.caseId().compareTo(b.caseId());
        };
    }

    private static int compareValues(FieldValue a, FieldValue b, boolean ascending) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int c = compare(a, b);
        return ascending ? c : -c;
    }

    /**
     * A total order over values: by kind first (numbers, date-times, other text, booleans), then within the kind
     * (numerically, as instants, lexicographically, false before true). A field normally holds one kind only.
     */
    public static int compare(FieldValue a, FieldValue b) {
        SortableValue x = SortableValue.of(a);
        SortableValue y = SortableValue.of(b);
        if (x.kind() != y.kind()) {
            return Integer.compare(x.kind().ordinal(), y.kind().ordinal());
        }
        return switch (x.kind()) {
            case NUMBER -> Double.compare(x.number(), y.number());
            case DATE_TIME -> x.instant().compareTo(y.instant());
            case TEXT -> x.text().compareTo(y.text());
            case BOOLEAN -> Boolean.compare(x.bool(), y.bool());
        };
    }
}
