package io.opencases.application.port;

import io.opencases.domain.DomainResource;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Storage of one kind of named, soft-deletable domain resource. Listing walks the live (not deleted) resources in
 * ascending id order, so a cursor made of the last id returns every resource exactly once.
 */
public interface DomainResourceRepository<T extends DomainResource> {
    /** Inserts or replaces the resource with the same domain and id. */
    void save(T resource);

    /** Finds a resource, deleted ones included. */
    Optional<T> find(String domainId, String id);

    /** Finds the resources with these ids (deleted ones included), in no particular order; unknown ids are skipped. */
    List<T> findAll(String domainId, Collection<String> ids);

    /** Finds the live resource with exactly this name. */
    Optional<T> findLiveByName(String domainId, String name);

    int countLive(String domainId);

    /** Up to {@code limit} live resources with an id greater than {@code afterId} (null: from the start). */
    List<T> listLive(String domainId, String afterId, int limit);

    /** Removes every resource of the domain, deleted ones included (DeleteDomain). */
    void deleteAllInDomain(String domainId);
}
