package io.opencases.application.port;

import io.opencases.application.Arns;
import io.opencases.domain.cases.Case;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What TagResource, UntagResource and ListTagsForResource read and write, inside the use case's unit of work:
 * whether the resource an ARN names exists, the tags on it, and the case a case's tag change re-indexes. One port
 * where the service named eight repositories.
 */
public interface TagStore {

    /** Whether the resource exists: its domain in its account and, below a domain, the resource (deleted or not). */
    boolean exists(Arns.Parsed resource);

    /** The resource's tags; empty when it has none. */
    Map<String, String> tags(String arn);

    /** Adds or overwrites these tags. */
    void put(String arn, Map<String, String> tags);

    void remove(String arn, Collection<String> keys);

    /**
     * The case, locked until the unit of work ends: a concurrent UpdateCase of it waits for the tag change, or the
     * tag change re-runs after it (see CaseRepository#findForUpdate).
     */
    Optional<Case> lockCase(String domainId, String caseId);
}
