package io.opencases.application.casesdomain;

import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseStore;
import io.opencases.application.port.UnitOfWork;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.DomainConfiguration;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's cache of domain configurations. A configuration change made here evicts the domain's entry once
 * it has committed ({@link #changed}); one made through another instance reaches this cache through the change
 * feed, whose follower evicts on the configuration row the change wrote in its own unit of work. Nothing depends on
 * either being fast: every case write tells the store the version it validated against and is re-run on a fresh
 * configuration when the version moved, and every case read and write reports the stored version, which evicts an
 * older entry. Eviction only spares the next case call that round trip.
 */
public final class DomainConfigurations {
    private final CaseStore store;
    private final CaseChangeFeed feed;
    private final UnitOfWork unitOfWork;
    private final ConcurrentHashMap<String, DomainConfiguration> cached = new ConcurrentHashMap<>();
    /** Counts evictions, so a reload that read the store before one does not put back what it evicted. */
    private final AtomicLong evictions = new AtomicLong();

    public DomainConfigurations(CaseStore store, CaseChangeFeed feed, UnitOfWork unitOfWork) {
        this.store = store;
        this.feed = feed;
        this.unitOfWork = unitOfWork;
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
        long evictedBefore = evictions.get();
        var loaded = store.configuration(accountId, domainId);
        if (loaded.isEmpty()) {
            cached.remove(domainId);
            throw new DomainException.NotFound("Domain", domainId);
        }
        DomainConfiguration configuration = loaded.get();
        cached.merge(domainId, configuration, (old, neu) -> old.version() > neu.version() ? old : neu);
        if (evictions.get() != evictedBefore) {
            // An eviction ran while the store was read: what was read may be from before the change it was for.
            // The next call reads again; this one uses what it read, which the store's version check guards.
            cached.remove(domainId, configuration);
        }
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

    /**
     * Called inside the unit of work of a change to the domain's configuration (fields, options, templates, case
     * rules, event configuration, the domain itself): records it in the change feed, for the other instances, and
     * evicts the domain here once the change has committed (not before: a call reading the store meanwhile would
     * cache the configuration from before the change again).
     */
    public void changed(String domainId) {
        feed.appendConfigurationChange(domainId);
        unitOfWork.afterCommit(() -> evict(domainId));
    }

    /**
     * Called inside the unit of work that deletes the domain: evicts it here once that has committed. The other
     * instances evict on the feed's row for the deletion, which the deletion writes anyway.
     */
    public void deleted(String domainId) {
        unitOfWork.afterCommit(() -> evict(domainId));
    }

    /** Forgets the domain's configuration (after a change to it, or when the domain is gone). */
    public void evict(String domainId) {
        evictions.incrementAndGet();
        cached.remove(domainId);
    }

    /** Forgets every configuration (the feed's follower skipped changes it cannot look at one by one). */
    public void evictAll() {
        evictions.incrementAndGet();
        cached.clear();
    }

    /** What is cached for the domain now (for tests and diagnostics). */
    public Optional<DomainConfiguration> cached(String domainId) {
        return Optional.ofNullable(cached.get(domainId));
    }
}
