package io.opencases.jdbc;

import io.opencases.application.port.RelatedItemRepository;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemFilter;
import io.opencases.domain.relateditem.RelatedItemOrdering;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Related items as documents, with the association time, a Contact item's ARN and (derived from the document) the
 * type as columns to order, search and find by.
 */
final class JdbcRelatedItemRepository implements RelatedItemRepository {
    private static final RowMapper<RelatedItem> ITEM =
            (row, ctx) -> Documents.read(row.getString(1), RelatedItem.class);
    /** The most rows one round of a search reads when its filters reject rows SQL could not. */
    private static final int MAX_ROUND = 1000;

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

    /**
     * One indexed query per round: the filters' types (and a Contact filter's ARN) narrow the rows in SQL, the
     * order and the cursor are an ORDER BY and a keyset condition that an index of V8 (or the primary key)
     * answers in order, and the filters themselves are checked on each row read. Only when a filter SQL cannot
     * decide (an SLA status, custom field conditions, channels) rejects rows does it read further, in growing
     * rounds from the last row read.
     */
    @Override
    public List<RelatedItem> search(String domainId, Search search) {
        var page = new ArrayList<RelatedItem>();
        RelatedItemOrdering.Key after = search.after();
        int round = search.limit();
        while (true) {
            List<RelatedItem> rows = searchRound(domainId, search, after, round);
            for (RelatedItem item : rows) {
                if (search.matches(item)) {
                    page.add(item);
                    if (page.size() == search.limit()) {
                        return page;
                    }
                }
            }
            if (rows.size() < round) {
                return page;
            }
            after = RelatedItemOrdering.Key.of(rows.get(rows.size() - 1));
            round = Math.min(round * 4, MAX_ROUND);
        }
    }

    private List<RelatedItem> searchRound(String domainId, Search search, RelatedItemOrdering.Key after, int limit) {
        var sql = new StringBuilder("SELECT doc FROM related_items WHERE domain_id = :domainId");
        var binds = new LinkedHashMap<String, Object>();
        binds.put("domainId", domainId);
        appendTypes(sql, binds, search.filters());
        List<RelatedItemOrdering.Sort> keys = search.ordering().keys();
        if (after != null) {
            appendAfter(sql, binds, keys, after);
        }
        sql.append(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(column(keys.get(i))).append(keys.get(i).ascending() ? "" : " DESC");
        }
        sql.append(" LIMIT :limit");
        binds.put("limit", limit);
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString());
            binds.forEach(query::bind);
            return query.map(ITEM).list();
        });
    }

    /** The types the filters can match, and the contact ARNs when every filter names one. */
    private static void appendTypes(StringBuilder sql, Map<String, Object> binds, List<RelatedItemFilter> filters) {
        if (filters.isEmpty()) {
            return;
        }
        var types = new TreeSet<String>();
        var contactArns = new TreeSet<String>();
        boolean everyFilterNamesAContact = true;
        for (RelatedItemFilter filter : filters) {
            types.add(filter.type().name());
            if (filter instanceof RelatedItemFilter.ContactFilter contact && contact.contactArn() != null) {
                contactArns.add(contact.contactArn());
            } else {
                everyFilterNamesAContact = false;
            }
        }
        sql.append(" AND item_type IN (<types>)".replace("<types>", placeholders("type", types, binds)));
        if (everyFilterNamesAContact) {
            sql.append(" AND contact_arn IN (<arns>)".replace("<arns>", placeholders("arn", contactArns, binds)));
        }
    }

    private static String placeholders(String prefix, Collection<String> values, Map<String, Object> binds) {
        var names = new ArrayList<String>();
        for (String value : values) {
            String name = prefix + names.size();
            binds.put(name, value);
            names.add(":" + name);
        }
        return String.join(", ", names);
    }

    /**
     * Rows strictly after the cursor in the order: a range on the first key (which the index seeks to), then the
     * lexicographic comparison over every key, each in its own direction.
     */
    private static void appendAfter(StringBuilder sql, Map<String, Object> binds, List<RelatedItemOrdering.Sort> keys,
                                    RelatedItemOrdering.Key after) {
        for (int i = 0; i < keys.size(); i++) {
            binds.put("after" + i, value(keys.get(i), after));
        }
        RelatedItemOrdering.Sort first = keys.get(0);
        sql.append(" AND ").append(column(first)).append(first.ascending() ? " >= " : " <= ").append(":after0");
        sql.append(" AND (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append('(');
            for (int j = 0; j < i; j++) {
                sql.append(column(keys.get(j))).append(" = :after").append(j).append(" AND ");
            }
            sql.append(column(keys.get(i))).append(keys.get(i).ascending() ? " > " : " < ").append(":after").append(i)
                    .append(')');
        }
        sql.append(')');
    }

    private static String column(RelatedItemOrdering.Sort key) {
        return switch (key.property()) {
            case AssociationTime -> "association_time";
            case CaseId -> "case_id";
            case RelatedItemId -> "related_item_id";
        };
    }

    private static Object value(RelatedItemOrdering.Sort key, RelatedItemOrdering.Key after) {
        return switch (key.property()) {
            case AssociationTime -> OffsetDateTime.ofInstant(after.associationTime(), ZoneOffset.UTC);
            case CaseId -> after.caseId();
            case RelatedItemId -> after.relatedItemId();
        };
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
