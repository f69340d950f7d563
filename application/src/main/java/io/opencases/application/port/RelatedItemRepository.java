package io.opencases.application.port;

import io.opencases.domain.relateditem.RelatedItem;

import java.util.List;
import java.util.Optional;

/** The related items of cases. */
public interface RelatedItemRepository {
    /** Inserts or replaces the item with the same domain, case and id. */
    void save(RelatedItem item);

    Optional<RelatedItem> find(String domainId, String caseId, String relatedItemId);

    /** Every item of the case, oldest association first (ties by id). */
    List<RelatedItem> listForCase(String domainId, String caseId);

    /** Every item of the domain, in no particular order (SearchAllRelatedItems sorts them). */
    List<RelatedItem> listForDomain(String domainId);

    void delete(String domainId, String caseId, String relatedItemId);

    void deleteCase(String domainId, String caseId);

    void deleteAllInDomain(String domainId);

    /** Ids of the cases that have a Contact item for this contact, ascending, after {@code afterCaseId}. */
    List<String> caseIdsWithContact(String domainId, String contactArn, String afterCaseId, int limit);
}
