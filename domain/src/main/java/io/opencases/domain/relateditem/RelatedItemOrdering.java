package io.opencases.domain.relateditem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * The total order of SearchAllRelatedItems: the requested sorts (default: association time, oldest first), then the
 * case id and the item id ascending, so that equal keys still have one stable order and a cursor can continue after
 * any item. A sort repeating an earlier property changes nothing and is dropped.
 */
public final class RelatedItemOrdering {
    public enum Property {
        AssociationTime, CaseId, RelatedItemId
    }

    /** One key of the order. */
    public record Sort(Property property, boolean ascending) {
    }

    /** An item's position in the order. */
    public record Key(Instant associationTime, String caseId, String relatedItemId) {
        public static Key of(RelatedItem item) {
            return new Key(item.associationTime(), item.caseId(), item.relatedItemId());
        }
    }

    public static final RelatedItemOrdering DEFAULT = new RelatedItemOrdering(List.of());

    private final List<Sort> keys;

    /** {@code sorts} as requested (up to two of AssociationTime and CaseId); empty means the default order. */
    public RelatedItemOrdering(List<Sort> sorts) {
        List<Sort> requested = sorts.isEmpty() ? List.of(new Sort(Property.AssociationTime, true)) : sorts;
        var seen = EnumSet.noneOf(Property.class);
        var effective = new ArrayList<Sort>();
        for (Sort sort : requested) {
            if (sort.property() == Property.RelatedItemId) {
                throw new IllegalArgumentException("SearchAllRelatedItems sorts by AssociationTime or CaseId");
            }
            if (seen.add(sort.property())) {
                effective.add(sort);
            }
        }
        if (seen.add(Property.CaseId)) {
            effective.add(new Sort(Property.CaseId, true));
        }
        effective.add(new Sort(Property.RelatedItemId, true));
        this.keys = List.copyOf(effective);
    }

    /** Every key of the order, the tie-breaks included: the first is the requested primary sort. */
    public List<Sort> keys() {
        return keys;
    }

    public Comparator<Key> comparator() {
        return (a, b) -> {
            for (Sort sort : keys) {
                int c = switch (sort.property()) {
                    case AssociationTime -> a.associationTime().compareTo(b.associationTime());
                    case CaseId -> a.caseId().compareTo(b.caseId());
                    case RelatedItemId -> a.relatedItemId().compareTo(b.relatedItemId());
                };
                if (c != 0) {
                    return sort.ascending() ? c : -c;
                }
            }
            return 0;
        };
    }

    public Comparator<RelatedItem> itemComparator() {
        Comparator<Key> keyOrder = comparator();
        return (a, b) -> keyOrder.compare(Key.of(a), Key.of(b));
    }

    /** Whether the item comes strictly after the cursor (every item does when there is none). */
    public boolean isAfter(RelatedItem item, Key cursor) {
        return cursor == null || comparator().compare(Key.of(item), cursor) > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelatedItemOrdering other && keys.equals(other.keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    @Override
    public String toString() {
        return "RelatedItemOrdering" + keys;
    }
}
