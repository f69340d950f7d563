package io.opencases.memory;

import io.opencases.application.port.DomainResourceRepository;
import io.opencases.domain.DomainResource;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Any named domain resource, kept per domain in id order so listing is a range scan. */
public class MemoryDomainResourceRepository<T extends DomainResource> implements DomainResourceRepository<T> {
    private final Map<String, ConcurrentNavigableMap<String, T>> byDomain = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    @Override
    public void save(T resource) {
        byDomain.computeIfAbsent(resource.domainId(), d -> new ConcurrentSkipListMap<>()).put(resource.id(), resource);
        changed();
    }

    @Override
    public Optional<T> find(String domainId, String id) {
        return Optional.ofNullable(domain(domainId).get(id));
    }

    @Override
    public List<T> findAll(String domainId, Collection<String> ids) {
        var resources = domain(domainId);
        return ids.stream().distinct().map(resources::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Optional<T> findLiveByName(String domainId, String name) {
        return domain(domainId).values().stream().filter(r -> !r.deleted() && r.name().equals(name)).findFirst();
    }

    @Override
    public int countLive(String domainId) {
        return (int) domain(domainId).values().stream().filter(r -> !r.deleted()).count();
    }

    @Override
    public List<T> listLive(String domainId, String afterId, int limit) {
        var resources = domain(domainId);
        var tail = afterId == null ? resources : resources.tailMap(afterId, false);
        return tail.values().stream().filter(r -> !r.deleted()).limit(limit).toList();
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        byDomain.remove(domainId);
        changed();
    }

    /** How many times anything here changed, in any domain (see MemoryCaseStore's configuration). */
    long changes() {
        return changes.get();
    }

    /** Counts a change made by this class or a subclass. */
    void changed() {
        changes.incrementAndGet();
    }

    /** Every resource of the domain, deleted ones included (a domain configuration). */
    List<T> allInDomain(String domainId) {
        return List.copyOf(domain(domainId).values());
    }

    private ConcurrentNavigableMap<String, T> domain(String domainId) {
        var resources = byDomain.get(domainId);
        return resources == null ? new ConcurrentSkipListMap<>() : resources;
    }
}
