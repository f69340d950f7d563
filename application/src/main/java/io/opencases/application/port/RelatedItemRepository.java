package io.opencases.application.port;

import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemFilter;
import io.opencases.domain.relateditem.RelatedItemOrdering;

import java.time.Instant;

import java.util.List;
import java.util.Optional;

/** The related items of cases. */
public interface RelatedItemRepository {
    /** Inserts or replaces the item with the same domain, case and id. */
    void save(RelatedItem item);

    Optional<RelatedItem> find(String domainId, String caseId, String relatedItemId);

    /** Every item of the case, oldest association first (ties by id). */
    List<RelatedItem> listForCase(String domainId, String caseId);

    /**
     * One page of SearchAllRelatedItems: the domain's items that match any of the filters (every item when there
     * are none), in the search's order, strictly after its cursor, at most {@code limit} of them. Answered by
     * walking an index in that order from the cursor, never by reading the whole domain; it reads the store itself,
     * so it sees every committed write.
     */
    List<RelatedItem> search(String domainId, Search search);

    void delete(String domainId, String caseId, String relatedItemId);

    void deleteCase(String domainId, String caseId);

    void deleteAllInDomain(String domainId);

    /**
     * What to search for. {@code after} is the last item of the previous page (null for the first page); {@code now}
     * decides SLA status filters.
     */
    record Search(List<RelatedItemFilter> filters, RelatedItemOrdering ordering, RelatedItemOrdering.Key after,
                  int limit, Instant now) {
        public Search {
            filters = List.copyOf(filters);
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1");
            }
        }

        public boolean matches(RelatedItem item) {
            return RelatedItemFilter.anyMatch(filters, item, now);
        }
    }

    /** Ids of the cases that have a Contact item for this contact, ascending, after {@code afterCaseId}. */
    List<String> caseIdsWithContact(String domainId, String contactArn, String afterCaseId, int limit);
}
