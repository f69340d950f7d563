package io.opencases.application.port;

import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.event.CaseEventConfiguration;

import java.util.List;
import java.util.Optional;

/** Cases domains, each owned by one account, and the per-domain settings. */
public interface DomainRepository {
    void insert(CasesDomain domain);

    /** The domain, only if it belongs to {@code accountId}: another account's domain does not exist for the caller. */
    Optional<CasesDomain> find(String accountId, String domainId);

    /** The domain whatever its account: for the server's own maintenance (reindexing), never for a caller. */
    Optional<CasesDomain> findById(String domainId);

    Optional<CasesDomain> findByName(String accountId, String name);

    int countByAccount(String accountId);

    /** Up to {@code limit} of the account's domains with an id greater than {@code afterId}, in id order. */
    List<CasesDomain> list(String accountId, String afterId, int limit);

    /** Removes the domain and its settings. */
    void delete(String domainId);

    /** Up to {@code limit} domains of every account in id order after {@code afterId} (null: from the first). */
    List<CasesDomain> listAll(String afterId, int limit);

    Optional<CaseEventConfiguration> findEventConfiguration(String domainId);

    void saveEventConfiguration(String domainId, CaseEventConfiguration configuration);
}
