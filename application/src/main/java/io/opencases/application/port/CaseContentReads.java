package io.opencases.application.port;

import io.opencases.domain.cases.Case;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.field.Field;
import io.opencases.domain.relateditem.RelatedItem;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads that the stores of use cases working on a case's contents share (related items, merges): the domain,
 * the case, its items, the fields they name and the tags on an ARN, inside the use case's unit of work.
 */
public interface CaseContentReads {

    /** The domain, if it exists in this account. */
    Optional<CasesDomain> domain(String accountId, String domainId);

    Optional<Case> findCase(String domainId, String caseId);

    /** Every item of the case, oldest association first (ties by id). */
    List<RelatedItem> items(String domainId, String caseId);

    /** The fields of the domain with these ids that exist, deleted ones included, in no particular order. */
    List<Field> fields(String domainId, Collection<String> fieldIds);

    /** The tags on an ARN; empty when it has none. */
    Map<String, String> tags(String arn);
}
