package io.opencases.application.port;

import io.opencases.application.Arns;

/**
 * A domain's contents taken as one whole, for the two use cases that look across every kind of resource in it:
 * TagResource and friends, which accept the ARN of any resource and must know whether it exists, and DeleteDomain,
 * which removes everything. One call each, instead of one port (and, on PostgreSQL, one statement) per table.
 * Runs inside the caller's {@link UnitOfWork}.
 */
public interface DomainContents {

    /**
     * Whether the domain holds the resource an ARN names: a field, layout, template or case rule (deleted ones too:
     * they keep their ARN and their tags), a case, or a related item of {@code caseId}. A domain ARN names the domain
     * itself, which the caller checks; it is not asked here.
     */
    boolean contains(String domainId, Arns.ResourceKind kind, String caseId, String resourceId);

    /**
     * Removes everything in the domain but the domain itself: cases and their client tokens, related items, audit
     * history, fields and their options, layouts, templates, case rules, and the tags of the domain's ARN and of
     * every ARN under it.
     */
    void deleteAll(String domainId, String domainArn);
}
