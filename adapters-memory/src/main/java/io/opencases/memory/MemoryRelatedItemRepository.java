package io.opencases.memory;

import io.opencases.application.port.RelatedItemRepository;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemOrdering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Related items per domain in two sorted maps, by case and by association time, so that SearchAllRelatedItems walks
 * from its cursor in the order it needs instead of sorting the domain.
 */
public final class MemoryRelatedItemRepository implements RelatedItemRepository {
    private static final Comparator<RelatedItem> ASSOCIATION_ORDER = Comparator
            .comparing(RelatedItem::associationTime).thenComparing(RelatedItem::relatedItemId);

    private final Map<String, DomainItems> domains = new ConcurrentHashMap<>();

    /**
     * One domain's items, grouped by case id and by association time. Writes hold the domain's lock so both maps
     * change together; reads walk the concurrent maps without it.
     */
    private static final class DomainItems {
        /** Items by case id, then by item id. */
        final ConcurrentSkipListMap<String, Map<String, RelatedItem>> byCase = new ConcurrentSkipListMap<>();
        /** Items by association time, then by "caseId/itemId". */
        final ConcurrentSkipListMap<Instant, Map<String, RelatedItem>> byTime = new ConcurrentSkipListMap<>();

        synchronized void save(RelatedItem item) {
            RelatedItem old = byCase.computeIfAbsent(item.caseId(), k -> new ConcurrentHashMap<>())
                    .put(item.relatedItemId(), item);
            if (old != null && !old.associationTime().equals(item.associationTime())) {
                removeFromTime(old);
            }
            byTime.computeIfAbsent(item.associationTime(), k -> new ConcurrentHashMap<>()).put(timeKey(item), item);
        }

        synchronized void delete(String caseId, String relatedItemId) {
            Map<String, RelatedItem> items = byCase.get(caseId);
            RelatedItem old = items == null ? null : items.remove(relatedItemId);
            if (old != null) {
                removeFromTime(old);
                if (items.isEmpty()) {
                    byCase.remove(caseId);
                }
            }
        }

        synchronized void deleteCase(String caseId) {
            Map<String, RelatedItem> items = byCase.remove(caseId);
            if (items != null) {
                items.values().forEach(this::removeFromTime);
            }
        }

        private void removeFromTime(RelatedItem item) {
            Map<String, RelatedItem> group = byTime.get(item.associationTime());
            if (group != null) {
                group.remove(timeKey(item));
                if (group.isEmpty()) {
                    byTime.remove(item.associationTime());
                }
            }
        }

        private static String timeKey(RelatedItem item) {
            return item.caseId() + "/" + item.relatedItemId();
        }
    }

    @Override
    public void save(RelatedItem item) {
        domains.computeIfAbsent(item.domainId(), k -> new DomainItems()).save(item);
    }

    @Override
    public Optional<RelatedItem> find(String domainId, String caseId, String relatedItemId) {
        return Optional.ofNullable(caseItems(domainId, caseId).get(relatedItemId));
    }

    @Override
    public List<RelatedItem> listForCase(String domainId, String caseId) {
        return caseItems(domainId, caseId).values().stream().sorted(ASSOCIATION_ORDER).toList();
    }

    /**
     * Walks the groups of equal primary sort value (one association time, or one case) from the cursor's group in
     * the primary direction, ordering each small group by the whole order, until the page is full.
     */
    @Override
    public List<RelatedItem> search(String domainId, Search search) {
        DomainItems items = domains.get(domainId);
        if (items == null) {
            return List.of();
        }
        RelatedItemOrdering.Sort primary = search.ordering().keys().get(0);
        RelatedItemOrdering.Key after = search.after();
        Collection<Map<String, RelatedItem>> groups = primary.property() == RelatedItemOrdering.Property.CaseId
                ? from(items.byCase, after == null ? null : after.caseId(), primary.ascending()).values()
                : from(items.byTime, after == null ? null : after.associationTime(), primary.ascending()).values();
        Comparator<RelatedItem> order = search.ordering().itemComparator();
        var page = new ArrayList<RelatedItem>();
        for (Map<String, RelatedItem> group : groups) {
            var matching = new ArrayList<RelatedItem>();
            for (RelatedItem item : group.values()) {
                if (search.ordering().isAfter(item, after) && search.matches(item)) {
                    matching.add(item);
                }
            }
            matching.sort(order);
            page.addAll(matching);
            if (page.size() >= search.limit()) {
                return List.copyOf(page.subList(0, search.limit()));
            }
        }
        return List.copyOf(page);
    }

    private static <K> NavigableMap<K, Map<String, RelatedItem>> from(
            ConcurrentSkipListMap<K, Map<String, RelatedItem>> groups, K start, boolean ascending) {
        if (start == null) {
            return ascending ? groups : groups.descendingMap();
        }
        return ascending ? groups.tailMap(start, true) : groups.headMap(start, true).descendingMap();
    }

    @Override
    public void delete(String domainId, String caseId, String relatedItemId) {
        DomainItems items = domains.get(domainId);
        if (items != null) {
            items.delete(caseId, relatedItemId);
        }
    }

    @Override
    public void deleteCase(String domainId, String caseId) {
        DomainItems items = domains.get(domainId);
        if (items != null) {
            items.deleteCase(caseId);
        }
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        domains.remove(domainId);
    }

    @Override
    public List<String> caseIdsWithContact(String domainId, String contactArn, String afterCaseId, int limit) {
        DomainItems items = domains.get(domainId);
        if (items == null) {
            return List.of();
        }
        var cases = afterCaseId == null ? items.byCase : items.byCase.tailMap(afterCaseId, false);
        var ids = new ArrayList<String>();
        for (var entry : cases.entrySet()) {
            if (ids.size() >= limit) {
                break;
            }
            if (entry.getValue().values().stream().anyMatch(i -> i.content() instanceof RelatedItemContent.Contact c
                    && c.contactArn().equals(contactArn))) {
                ids.add(entry.getKey());
            }
        }
        return ids;
    }

    private Map<String, RelatedItem> caseItems(String domainId, String caseId) {
        DomainItems items = domains.get(domainId);
        Map<String, RelatedItem> byId = items == null ? null : items.byCase.get(caseId);
        return byId == null ? Map.of() : byId;
    }
}
