package io.opencases.memory;

import io.opencases.application.port.DomainRepository;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.event.CaseEventConfiguration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

public final class MemoryDomainRepository implements DomainRepository {
    private final ConcurrentSkipListMap<String, CasesDomain> domains = new ConcurrentSkipListMap<>();
    private final Map<String, CaseEventConfiguration> eventConfigurations = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    @Override
    public void insert(CasesDomain domain) {
        if (domains.putIfAbsent(domain.domainId(), domain) != null) {
            throw new IllegalStateException("duplicate domain id " + domain.domainId());
        }
        changes.incrementAndGet();
    }

    @Override
    public Optional<CasesDomain> find(String accountId, String domainId) {
        return Optional.ofNullable(domains.get(domainId)).filter(d -> d.accountId().equals(accountId));
    }

    @Override
    public Optional<CasesDomain> findById(String domainId) {
        return Optional.ofNullable(domains.get(domainId));
    }

    @Override
    public Optional<CasesDomain> findByName(String accountId, String name) {
        return domains.values().stream().filter(d -> d.accountId().equals(accountId) && d.name().equals(name))
                .findFirst();
    }

    @Override
    public int countByAccount(String accountId) {
        return (int) domains.values().stream().filter(d -> d.accountId().equals(accountId)).count();
    }

    @Override
    public List<CasesDomain> list(String accountId, String afterId, int limit) {
        var tail = afterId == null ? domains : domains.tailMap(afterId, false);
        return tail.values().stream().filter(d -> d.accountId().equals(accountId)).limit(limit).toList();
    }

    @Override
    public List<CasesDomain> listAll(String afterId, int limit) {
        var tail = afterId == null ? domains : domains.tailMap(afterId, false);
        return tail.values().stream().limit(limit).toList();
    }

    @Override
    public void delete(String domainId) {
        domains.remove(domainId);
        eventConfigurations.remove(domainId);
        changes.incrementAndGet();
    }

    @Override
    public Optional<CaseEventConfiguration> findEventConfiguration(String domainId) {
        return Optional.ofNullable(eventConfigurations.get(domainId));
    }

    @Override
    public void saveEventConfiguration(String domainId, CaseEventConfiguration configuration) {
        eventConfigurations.put(domainId, configuration);
        changes.incrementAndGet();
    }

    /** How many times a domain or an event configuration changed (see MemoryCaseStore's configuration). */
    long changes() {
        return changes.get();
    }
}
