package io.opencases.domain.search;

import io.opencases.domain.field.FieldValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The total order of search results: the requested sorts, then the case id so that equal keys still have one
 * stable order and a cursor can continue after any hit. Cases without a value for a sort field come last in either
 * direction.
 *
 * <p>Ties are the rule when sorting on a status or a priority, so the case id is compared as its 128 bits
 * ({@link #tieKey}): two longs, which an index compares and copies far more cheaply than text. For the ids the
 * server hands out (lower-case UUIDs) that is exactly their text order.
 */
public final class CaseOrdering {
    private CaseOrdering() {
    }

    /**
     * A hit's position in the order: its sort values (null when absent) and its case id, with the id's
     * {@link #tieKey} worked out once: with few sort values nearly every comparison is a tie, and the comparator
     * would otherwise parse both ids each time.
     */
    public record Key(List<FieldValue> sortValues, String caseId, TieKey tie) {
        public Key {
            sortValues = java.util.Collections.unmodifiableList(new ArrayList<>(sortValues));
        }

        public Key(List<FieldValue> sortValues, String caseId) {
            this(sortValues, caseId, tieKey(caseId));
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
            return compareTies(a.tie(), a.caseId(), b.tie(), b.caseId());
        };
    }

    /** The case id's place in the order: its {@link #tieKey}, then (for the rare equal keys) its text. */
    public static int compareCaseIds(String a, String b) {
        return compareTies(tieKey(a), a, tieKey(b), b);
    }

    private static int compareTies(TieKey x, String a, TieKey y, String b) {
        int c = Long.compareUnsigned(x.high(), y.high());
        if (c == 0) {
            c = Long.compareUnsigned(x.low(), y.low());
        }
        return c != 0 ? c : a.compareTo(b);
    }

    /** 128 bits of a case id, compared unsigned, high first. */
    public record TieKey(long high, long low) {
    }

    /**
     * A lower-case canonical UUID's own 128 bits (their order is the text's order: hex digits and the dashes at
     * fixed places); any other id a 128-bit hash of it, so ids of other shapes (tests, imports) still have one
     * stable order and two ids share a key with a probability of about 2^-128 per pair.
     */
    public static TieKey tieKey(String caseId) {
        if (caseId.length() == 36) {
            long high = 0;
            long low = 0;
            int digits = 0;
            for (int i = 0; i < 36; i++) {
                char ch = caseId.charAt(i);
                if (i == 8 || i == 13 || i == 18 || i == 23) {
                    if (ch != '-') {
                        return hashed(caseId);
                    }
                    continue;
                }
                int v = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
                if (v < 0) {
                    return hashed(caseId);
                }
                if (digits < 16) {
                    high = high << 4 | v;
                } else {
                    low = low << 4 | v;
                }
                digits++;
            }
            return new TieKey(high, low);
        }
        return hashed(caseId);
    }

    private static TieKey hashed(String caseId) {
        // Two independent 64-bit hashes (FNV-1a, and a multiply-xorshift mix with another seed).
        long fnv = 0xcbf29ce484222325L;
        long mix = 0x9e3779b97f4a7c15L;
        for (int i = 0; i < caseId.length(); i++) {
            char ch = caseId.charAt(i);
            fnv = (fnv ^ ch) * 0x100000001b3L;
            mix = (mix ^ ch) * 0xbf58476d1ce4e5b9L;
            mix ^= mix >>> 31;
        }
        mix ^= caseId.length();
        mix *= 0x94d049bb133111ebL;
        mix ^= mix >>> 29;
        return new TieKey(fnv, mix);
    }

    /** Two values of one sort field in that field's order, missing values last in either direction. */
    public static int compareValues(FieldValue a, FieldValue b, boolean ascending) {
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
