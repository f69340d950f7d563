package io.opencases.jdbc;

import io.opencases.application.Arns;
import io.opencases.application.port.DomainContents;
import org.jdbi.v3.core.Jdbi;

/**
 * The domain's contents on PostgreSQL: an existence check is one indexed lookup on the resource's table, and
 * DeleteDomain's removal is one statement (a data-modifying CTE per table), not one round trip per table.
 */
final class JdbcDomainContents implements DomainContents {
    /*
     * Every table keyed by domain, in one statement: its parts see the same snapshot and nothing reads what another
     * deletes, so their order does not matter. The tags of the domain's ARN and of every ARN under it: the ARNs that
     * start with "<domain ARN>/" are exactly those between that prefix and the prefix with '/' raised to '0' (the
     * column sorts bytewise, COLLATE "C").
     */
    private static final String DELETE_ALL = """
            WITH audit AS (DELETE FROM audit_events WHERE domain_id = :domainId),
                 items AS (DELETE FROM related_items WHERE domain_id = :domainId),
                 tokens AS (DELETE FROM case_client_tokens WHERE domain_id = :domainId),
                 the_cases AS (DELETE FROM cases WHERE domain_id = :domainId),
                 rules AS (DELETE FROM case_rules WHERE domain_id = :domainId),
                 the_templates AS (DELETE FROM templates WHERE domain_id = :domainId),
                 the_layouts AS (DELETE FROM layouts WHERE domain_id = :domainId),
                 options AS (DELETE FROM field_options WHERE domain_id = :domainId),
                 the_tags AS (DELETE FROM tags WHERE arn = :arn OR (arn >= :from AND arn < :to))
            DELETE FROM fields WHERE domain_id = :domainId""";

    private final Jdbi jdbi;

    JdbcDomainContents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean contains(String domainId, Arns.ResourceKind kind, String caseId, String resourceId) {
        String sql = switch (kind) {
            case DOMAIN -> throw new IllegalArgumentException("a domain is not among its own contents");
            case FIELD -> "SELECT EXISTS (SELECT 1 FROM fields WHERE domain_id = :domainId AND id = :id)";
            case LAYOUT -> "SELECT EXISTS (SELECT 1 FROM layouts WHERE domain_id = :domainId AND id = :id)";
            case TEMPLATE -> "SELECT EXISTS (SELECT 1 FROM templates WHERE domain_id = :domainId AND id = :id)";
            case CASE_RULE -> "SELECT EXISTS (SELECT 1 FROM case_rules WHERE domain_id = :domainId AND id = :id)";
            case CASE -> "SELECT EXISTS (SELECT 1 FROM cases WHERE domain_id = :domainId AND case_id = :id)";
            case RELATED_ITEM -> "SELECT EXISTS (SELECT 1 FROM related_items "
                    + "WHERE domain_id = :domainId AND case_id = :caseId AND related_item_id = :id)";
        };
        return jdbi.withHandle(h -> h.createQuery(sql)
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .bind("id", resourceId)
                .mapTo(boolean.class)
                .one());
    }

    @Override
    public void deleteAll(String domainId, String domainArn) {
        jdbi.useHandle(h -> h.createUpdate(DELETE_ALL)
                .bind("domainId", domainId)
                .bind("arn", domainArn)
                .bind("from", domainArn + "/")
                .bind("to", domainArn + "0")
                .execute());
    }
}
