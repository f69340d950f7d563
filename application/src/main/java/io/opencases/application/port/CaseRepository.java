package io.opencases.application.port;

import io.opencases.domain.cases.Case;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cases, and the CreateCase client tokens that make retries idempotent. */
public interface CaseRepository {
    /** Inserts or replaces the case with the same domain and id. */
    void save(Case aCase);

    Optional<Case> find(String domainId, String caseId);

    /**
     * {@link #find}, and inside a write the case stays locked until the write ends: a concurrent UpdateCase of it
     * (see CaseStore) waits for this write, or this write re-runs after it.
     */
    default Optional<Case> findForUpdate(String domainId, String caseId) {
        return find(domainId, caseId);
    }

    /** Removes the case and its client token, if any. */
    void delete(String domainId, String caseId);

    void deleteAllInDomain(String domainId);

    /**
     * Up to {@code limit} cases of every domain after the case ({@code afterDomainId}, {@code afterCaseId}) in
     * (domain id, case id) order; both null to start. Rebuilding the search index walks the store with this.
     */
    List<Case> listAfter(String afterDomainId, String afterCaseId, int limit);

    /** What a CreateCase with a client token created: the request's fingerprint and the case it made. */
    record ClientToken(String domainId, String token, String requestFingerprint, String caseId, Instant createdTime) {
    }

    void saveClientToken(ClientToken token);

    Optional<ClientToken> findClientToken(String domainId, String token);
}
