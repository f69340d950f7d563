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
        int c = FieldFilter.Comparison.compare(a, b);
        if (c == FieldFilter.Comparison.NONE) {
            c = a.toString().compareTo(b.toString());
        }
        return ascending ? c : -c;
    }
}
