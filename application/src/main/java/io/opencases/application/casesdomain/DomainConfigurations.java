package io.opencases.application.casesdomain;

import io.opencases.application.port.CaseStore;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.DomainConfiguration;

import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's cache of domain configurations. Nothing depends on it being fresh: every case write tells the
 * store the version it validated against and is re-run on a fresh configuration when the version moved, and every
 * case read and write reports the stored version, which evicts an older entry. So a change made through another
 * instance reaches this cache with the first case call of that domain that follows it.
 */
public final class DomainConfigurations {
    private final CaseStore store;
    private final ConcurrentHashMap<String, DomainConfiguration> cached = new ConcurrentHashMap<>();

    public DomainConfigurations(CaseStore store) {
        this.store = store;
    }

    /** The domain's configuration (cached), or ResourceNotFoundException when the account has no such domain. */
    public DomainConfiguration require(String accountId, String domainId) {
        DomainConfiguration configuration = cached.get(domainId);
        if (configuration != null && configuration.domain().accountId().equals(accountId)) {
            return configuration;
        }
        return reload(accountId, domainId);
    }

    /** The configuration read from the store now, replacing what was cached. */
    public DomainConfiguration reload(String accountId, String domainId) {
        var loaded = store.configuration(accountId, domainId);
        if (loaded.isEmpty()) {
            cached.remove(domainId);
            throw new DomainException.NotFound("Domain", domainId);
        }
        DomainConfiguration configuration = loaded.get();
        cached.merge(domainId, configuration, (old, neu) -> old.version() > neu.version() ? old : neu);
        return configuration;
    }

    /** A configuration read from the store elsewhere (with a case's lock): it replaces an older cached one. */
    public DomainConfiguration offer(DomainConfiguration configuration) {
        cached.merge(configuration.domainId(), configuration, (old, neu) -> old.version() > neu.version() ? old : neu);
        return configuration;
    }

    /** The store reported {@code version}: an older cached configuration goes. */
    public void seen(String domainId, long version) {
        cached.computeIfPresent(domainId, (id, configuration) -> configuration.version() < version ? null
                : configuration);
    }

    /** Forgets the domain's configuration (after a change to it, or when the domain is gone). */
    public void evict(String domainId) {
        cached.remove(domainId);
    }
}
