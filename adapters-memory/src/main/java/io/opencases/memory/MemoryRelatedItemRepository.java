package io.opencases.memory;

import io.opencases.application.port.RelatedItemRepository;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class MemoryRelatedItemRepository implements RelatedItemRepository {
    private static final Comparator<RelatedItem> ASSOCIATION_ORDER = Comparator
            .comparing(RelatedItem::associationTime).thenComparing(RelatedItem::relatedItemId);

    /** Items by "domain/case", then by id. */
    private final Map<String, Map<String, RelatedItem>> byCase = new ConcurrentHashMap<>();

    @Override
    public void save(RelatedItem item) {
        byCase.computeIfAbsent(key(item.domainId(), item.caseId()), k -> new ConcurrentHashMap<>())
                .put(item.relatedItemId(), item);
    }

    @Override
    public Optional<RelatedItem> find(String domainId, String caseId, String relatedItemId) {
        return Optional.ofNullable(byCase.getOrDefault(key(domainId, caseId), Map.of()).get(relatedItemId));
    }

    @Override
    public List<RelatedItem> listForCase(String domainId, String caseId) {
        return byCase.getOrDefault(key(domainId, caseId), Map.of()).values().stream().sorted(ASSOCIATION_ORDER)
                .toList();
    }

    @Override
    public List<RelatedItem> listForDomain(String domainId) {
        return byCase.entrySet().stream().filter(e -> e.getKey().startsWith(domainId + "/"))
                .flatMap(e -> e.getValue().values().stream()).toList();
    }

    @Override
    public void delete(String domainId, String caseId, String relatedItemId) {
        byCase.getOrDefault(key(domainId, caseId), new ConcurrentHashMap<>()).remove(relatedItemId);
    }

    @Override
    public void deleteCase(String domainId, String caseId) {
        byCase.remove(key(domainId, caseId));
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        byCase.keySet().removeIf(k -> k.startsWith(domainId + "/"));
    }

    @Override
    public List<String> caseIdsWithContact(String domainId, String contactArn, String afterCaseId, int limit) {
        return byCase.values().stream().flatMap(items -> items.values().stream())
                .filter(i -> i.domainId().equals(domainId))
                .filter(i -> i.content() instanceof RelatedItemContent.Contact c && c.contactArn().equals(contactArn))
                .map(RelatedItem::caseId)
                .filter(id -> afterCaseId == null || id.compareTo(afterCaseId) > 0)
                .distinct().sorted().limit(limit).toList();
    }

    private static String key(String domainId, String caseId) {
        return domainId + "/" + caseId;
    }
}
