package io.opencases.application.port.contract;

import io.opencases.application.port.DomainResourceRepository;
import io.opencases.domain.DomainResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every DomainResourceRepository adapter must do, for any resource kind; each test works in fresh domains. */
public interface DomainResourceRepositoryContract<T extends DomainResource> {
    /** Timestamps with microseconds, the finest a SQL store need keep. */
    Instant CREATED = Instant.parse("2024-05-06T07:08:09.123456Z");
    Instant DELETED = Instant.parse("2024-05-07T07:08:09.654321Z");

    DomainResourceRepository<T> repository();

    /** A live resource; the id and name are the test's, everything else is the kind's own. */
    T newResource(String domainId, String id, String name);

    /** The same resource, soft-deleted. */
    T deletedCopy(T resource);

    /** A domain id no other test uses; an adapter whose storage needs the domain row first overrides this. */
    default String newDomainId() {
        return UUID.randomUUID().toString();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private T saved(String domainId, String name) {
        T resource = newResource(domainId, newId(), name);
        repository().save(resource);
        return resource;
    }

    private T savedDeleted(String domainId, String name) {
        T resource = deletedCopy(newResource(domainId, newId(), name));
        repository().save(resource);
        return resource;
    }

    @Test
    default void savedResourceIsFound() {
        String domainId = newDomainId();
        T resource = saved(domainId, "Priority");

        assertThat(repository().find(domainId, resource.id())).contains(resource);
    }

    @Test
    default void unknownIdIsNotFound() {
        String domainId = newDomainId();
        saved(domainId, "Priority");

        assertThat(repository().find(domainId, newId())).isEmpty();
    }

    @Test
    default void findDoesNotCrossDomains() {
        String one = newDomainId();
        String two = newDomainId();
        String id = newId();
        T first = newResource(one, id, "Priority");
        repository().save(first);

        assertThat(repository().find(two, id)).isEmpty();

        T second = newResource(two, id, "Urgency");
        repository().save(second);

        assertThat(repository().find(one, id)).contains(first);
        assertThat(repository().find(two, id)).contains(second);
    }

    @Test
    default void saveReplacesTheResourceWithTheSameId() {
        String domainId = newDomainId();
        T original = saved(domainId, "Priority");
        T renamed = newResource(domainId, original.id(), "Urgency");

        repository().save(renamed);

        assertThat(repository().find(domainId, original.id())).contains(renamed);
        assertThat(repository().findLiveByName(domainId, "Priority")).isEmpty();
        assertThat(repository().findLiveByName(domainId, "Urgency")).contains(renamed);
        assertThat(repository().countLive(domainId)).isEqualTo(1);
    }

    @Test
    default void deletedResourceIsStillFound() {
        String domainId = newDomainId();
        T live = saved(domainId, "Priority");
        T deleted = deletedCopy(live);

        repository().save(deleted);

        assertThat(repository().find(domainId, live.id())).contains(deleted);
        assertThat(repository().find(domainId, live.id()).orElseThrow().deleted()).isTrue();
    }

    @Test
    default void findAllSkipsUnknownIdsAndIncludesDeletedOnes() {
        String domainId = newDomainId();
        T live = saved(domainId, "Priority");
        T deleted = savedDeleted(domainId, "Urgency");
        T notAsked = saved(domainId, "Severity");

        List<T> found = repository().findAll(domainId, List.of(newId(), deleted.id(), live.id(), newId()));

        assertThat(found).containsExactlyInAnyOrder(live, deleted).doesNotContain(notAsked);
    }

    @Test
    default void findAllReturnsAResourceOnceWhenItsIdIsAskedTwice() {
        String domainId = newDomainId();
        T resource = saved(domainId, "Priority");

        assertThat(repository().findAll(domainId, List.of(resource.id(), resource.id()))).containsExactly(resource);
    }

    @Test
    default void findAllOfNoIdsIsEmpty() {
        String domainId = newDomainId();
        saved(domainId, "Priority");

        assertThat(repository().findAll(domainId, Set.of())).isEmpty();
    }

    @Test
    default void findAllDoesNotCrossDomains() {
        String one = newDomainId();
        T resource = saved(one, "Priority");

        assertThat(repository().findAll(newDomainId(), List.of(resource.id()))).isEmpty();
    }

    @Test
    default void findLiveByNameIgnoresDeletedResources() {
        String domainId = newDomainId();
        savedDeleted(domainId, "Priority");

        assertThat(repository().findLiveByName(domainId, "Priority")).isEmpty();

        T live = saved(domainId, "Priority");

        assertThat(repository().findLiveByName(domainId, "Priority")).contains(live);
    }

    @Test
    default void findLiveByNameMatchesOnlyTheExactName() {
        String domainId = newDomainId();
        T resource = saved(domainId, "Priority");

        assertThat(repository().findLiveByName(domainId, "Priority")).contains(resource);
        assertThat(repository().findLiveByName(domainId, "priority")).isEmpty();
        assertThat(repository().findLiveByName(domainId, "Priorit")).isEmpty();
        assertThat(repository().findLiveByName(domainId, "Priority ")).isEmpty();
    }

    @Test
    default void findLiveByNameDoesNotCrossDomains() {
        saved(newDomainId(), "Priority");

        assertThat(repository().findLiveByName(newDomainId(), "Priority")).isEmpty();
    }

    @Test
    default void countLiveCountsOnlyTheLiveResourcesOfTheDomain() {
        String domainId = newDomainId();
        saved(domainId, "One");
        saved(domainId, "Two");
        savedDeleted(domainId, "Three");
        saved(newDomainId(), "Four");

        assertThat(repository().countLive(domainId)).isEqualTo(2);
    }

    @Test
    default void emptyDomainHasNothingToCountOrList() {
        String domainId = newDomainId();

        assertThat(repository().countLive(domainId)).isZero();
        assertThat(repository().listLive(domainId, null, 10)).isEmpty();
    }

    @Test
    default void listLiveIsInAscendingIdOrderWithoutDeletedOnes() {
        String domainId = newDomainId();
        var live = new ArrayList<T>();
        for (int i = 0; i < 5; i++) {
            live.add(saved(domainId, "Live " + i));
            savedDeleted(domainId, "Deleted " + i);
        }
        saved(newDomainId(), "Elsewhere");
        live.sort(Comparator.comparing(DomainResource::id));

        assertThat(repository().listLive(domainId, null, 100)).containsExactlyElementsOf(live);
    }

    @Test
    default void listLivePagesReturnEveryLiveResourceExactlyOnce() {
        String domainId = newDomainId();
        var live = new ArrayList<T>();
        for (int i = 0; i < 7; i++) {
            live.add(saved(domainId, "Live " + i));
            if (i % 2 == 0) {
                savedDeleted(domainId, "Deleted " + i);
            }
        }
        live.sort(Comparator.comparing(DomainResource::id));

        var pages = Listing.pages((after, limit) -> repository().listLive(domainId, after, limit),
                DomainResource::id, 3);

        assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(pages.stream().flatMap(List::stream)).containsExactlyElementsOf(live);
    }

    @Test
    default void listLiveContinuesAfterACursorThatIsNoLongerLive() {
        String domainId = newDomainId();
        var live = new ArrayList<T>();
        for (int i = 0; i < 5; i++) {
            live.add(saved(domainId, "Live " + i));
        }
        live.sort(Comparator.comparing(DomainResource::id));
        List<T> first = repository().listLive(domainId, null, 2);
        T cursor = first.get(1);

        repository().save(deletedCopy(cursor));

        assertThat(first).containsExactly(live.get(0), live.get(1));
        assertThat(repository().listLive(domainId, cursor.id(), 10)).containsExactlyElementsOf(live.subList(2, 5));
    }

    @Test
    default void deleteAllInDomainRemovesOnlyThatDomainsResources() {
        String doomed = newDomainId();
        String kept = newDomainId();
        T live = saved(doomed, "Priority");
        T deleted = savedDeleted(doomed, "Urgency");
        T other = saved(kept, "Priority");

        repository().deleteAllInDomain(doomed);

        assertThat(repository().find(doomed, live.id())).isEmpty();
        assertThat(repository().find(doomed, deleted.id())).isEmpty();
        assertThat(repository().findAll(doomed, List.of(live.id(), deleted.id()))).isEmpty();
        assertThat(repository().findLiveByName(doomed, "Priority")).isEmpty();
        assertThat(repository().countLive(doomed)).isZero();
        assertThat(repository().listLive(doomed, null, 10)).isEmpty();
        assertThat(repository().find(kept, other.id())).contains(other);
        assertThat(repository().listLive(kept, null, 10)).containsExactly(other);
    }
}
