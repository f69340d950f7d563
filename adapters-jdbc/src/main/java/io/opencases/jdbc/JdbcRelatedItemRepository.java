package io.opencases.jdbc;

import io.opencases.application.port.RelatedItemRepository;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Related items as documents, with the association time and a Contact item's ARN as columns to order and find by. */
final class JdbcRelatedItemRepository implements RelatedItemRepository {
    private static final RowMapper<RelatedItem> ITEM =
            (row, ctx) -> Documents.read(row.getString(1), RelatedItem.class);

    private final Jdbi jdbi;

    JdbcRelatedItemRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(RelatedItem item) {
        String contactArn = item.content() instanceof RelatedItemContent.Contact contact ? contact.contactArn() : null;
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO related_items "
                        + "(domain_id, case_id, related_item_id, association_time, contact_arn, doc) "
                        + "VALUES (:domainId, :caseId, :id, :associationTime, :contactArn, CAST(:doc AS jsonb)) "
                        + "ON CONFLICT (domain_id, case_id, related_item_id) DO UPDATE SET "
                        + "association_time = excluded.association_time, contact_arn = excluded.contact_arn, "
                        + "doc = excluded.doc")
                .bind("domainId", item.domainId())
                .bind("caseId", item.caseId())
                .bind("id", item.relatedItemId())
                .bind("associationTime", item.associationTime())
                .bind("contactArn", contactArn)
                .bind("doc", Documents.write(item))
                .execute());
    }

    @Override
    public Optional<RelatedItem> find(String domainId, String caseId, String relatedItemId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM related_items "
                        + "WHERE domain_id = :domainId AND case_id = :caseId AND related_item_id = :id")
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .bind("id", relatedItemId)
                .map(ITEM)
                .findOne());
    }

    @Override
    public List<RelatedItem> listForCase(String domainId, String caseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM related_items "
                        + "WHERE domain_id = :domainId AND case_id = :caseId ORDER BY association_time, related_item_id")
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .map(ITEM)
                .list());
    }

    @Override
    public List<RelatedItem> listForDomain(String domainId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM related_items WHERE domain_id = :domainId")
                .bind("domainId", domainId)
                .map(ITEM)
                .list());
    }

    @Override
    public void delete(String domainId, String caseId, String relatedItemId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM related_items "
                        + "WHERE domain_id = :domainId AND case_id = :caseId AND related_item_id = :id")
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .bind("id", relatedItemId)
                .execute());
    }

    @Override
    public void deleteCase(String domainId, String caseId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM related_items WHERE domain_id = :domainId AND case_id = :caseId")
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .execute());
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM related_items WHERE domain_id = :domainId")
                .bind("domainId", domainId)
                .execute());
    }

    @Override
    public List<String> caseIdsWithContact(String domainId, String contactArn, String afterCaseId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT case_id FROM related_items "
                        + "WHERE domain_id = :domainId AND contact_arn = :contactArn AND case_id > :after "
                        + "ORDER BY case_id LIMIT :limit")
                .bind("domainId", domainId)
                .bind("contactArn", contactArn)
                .bind("after", Rows.after(afterCaseId))
                .bind("limit", limit)
                .mapTo(String.class)
                .list());
    }
}
