package io.opencases.application.port.contract;

import io.opencases.application.port.DomainRepository;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainStatus;
import io.opencases.domain.event.CaseEventConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What every DomainRepository adapter must do; each test makes its own accounts, so a shared store is fine. */
public interface DomainRepositoryContract {
    Instant CREATED = Instant.parse("2024-05-06T07:08:09.123456Z");

    DomainRepository domainRepository();

    private static String newAccountId() {
        return String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private CasesDomain inserted(String accountId, String name) {
        var domain = new CasesDomain(accountId, UUID.randomUUID().toString(), name, DomainStatus.Active, CREATED);
        domainRepository().insert(domain);
        return domain;
    }

    @Test
    default void insertedDomainIsFoundByItsAccount() {
        var domain = new CasesDomain(newAccountId(), UUID.randomUUID().toString(), "Support",
                DomainStatus.CreationInProgress, CREATED);
        domainRepository().insert(domain);

        assertThat(domainRepository().find(domain.accountId(), domain.domainId())).contains(domain);
    }

    @Test
    default void findByIdFindsTheDomainWhateverItsAccount() {
        var domain = inserted(newAccountId(), "Support");

        assertThat(domainRepository().findById(domain.domainId())).contains(domain);
        assertThat(domainRepository().findById(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    default void anotherAccountDoesNotFindTheDomain() {
        var domain = inserted(newAccountId(), "Support");

        assertThat(domainRepository().find(newAccountId(), domain.domainId())).isEmpty();
    }

    @Test
    default void unknownDomainIsNotFound() {
        assertThat(domainRepository().find(newAccountId(), UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    default void findByNameIsScopedByAccount() {
        String alice = newAccountId();
        String bob = newAccountId();
        var alices = inserted(alice, "Support");
        var bobs = inserted(bob, "Support");

        assertThat(domainRepository().findByName(alice, "Support")).contains(alices);
        assertThat(domainRepository().findByName(bob, "Support")).contains(bobs);
        assertThat(domainRepository().findByName(newAccountId(), "Support")).isEmpty();
        assertThat(domainRepository().findByName(alice, "Sales")).isEmpty();
    }

    @Test
    default void countByAccountCountsOnlyThatAccount() {
        String alice = newAccountId();
        String bob = newAccountId();
        inserted(alice, "One");
        inserted(alice, "Two");
        inserted(bob, "Three");

        assertThat(domainRepository().countByAccount(alice)).isEqualTo(2);
        assertThat(domainRepository().countByAccount(bob)).isEqualTo(1);
        assertThat(domainRepository().countByAccount(newAccountId())).isZero();
    }

    @Test
    default void listReturnsOnlyTheAccountsDomainsInIdOrder() {
        String alice = newAccountId();
        var mine = new ArrayList<CasesDomain>();
        for (int i = 0; i < 4; i++) {
            mine.add(inserted(alice, "Domain " + i));
            inserted(newAccountId(), "Domain " + i);
        }
        mine.sort(Comparator.comparing(CasesDomain::domainId));

        assertThat(domainRepository().list(alice, null, 10)).containsExactlyElementsOf(mine);
    }

    @Test
    default void listPagesWithAfterIdAndLimit() {
        String alice = newAccountId();
        var mine = new ArrayList<CasesDomain>();
        for (int i = 0; i < 5; i++) {
            mine.add(inserted(alice, "Domain " + i));
        }
        mine.sort(Comparator.comparing(CasesDomain::domainId));

        var pages = Listing.pages((after, limit) -> domainRepository().list(alice, after, limit),
                CasesDomain::domainId, 2);

        assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(pages.stream().flatMap(List::stream)).containsExactlyElementsOf(mine);
        assertThat(domainRepository().list(alice, mine.get(1).domainId(), 2)).containsExactly(mine.get(2), mine.get(3));
    }

    @Test
    default void listOfAnAccountWithoutDomainsIsEmpty() {
        assertThat(domainRepository().list(newAccountId(), null, 10)).isEmpty();
    }

    @Test
    default void deleteRemovesTheDomainAndItsEventConfiguration() {
        String alice = newAccountId();
        var domain = inserted(alice, "Support");
        domainRepository().saveEventConfiguration(domain.domainId(), new CaseEventConfiguration(true, null, null));

        domainRepository().delete(domain.domainId());

        assertThat(domainRepository().find(alice, domain.domainId())).isEmpty();
        assertThat(domainRepository().findByName(alice, "Support")).isEmpty();
        assertThat(domainRepository().countByAccount(alice)).isZero();
        assertThat(domainRepository().list(alice, null, 10)).isEmpty();
        assertThat(domainRepository().findEventConfiguration(domain.domainId())).isEmpty();
    }

    @Test
    default void deleteLeavesTheOtherDomainsAlone() {
        String alice = newAccountId();
        var doomed = inserted(alice, "Doomed");
        var kept = inserted(alice, "Kept");
        var configuration = new CaseEventConfiguration(true, List.of("title"), true);
        domainRepository().saveEventConfiguration(kept.domainId(), configuration);

        domainRepository().delete(doomed.domainId());

        assertThat(domainRepository().find(alice, kept.domainId())).contains(kept);
        assertThat(domainRepository().list(alice, null, 10)).containsExactly(kept);
        assertThat(domainRepository().findEventConfiguration(kept.domainId())).contains(configuration);
    }

    @Test
    default void eventConfigurationIsAbsentUntilSaved() {
        var domain = inserted(newAccountId(), "Support");

        assertThat(domainRepository().findEventConfiguration(domain.domainId())).isEmpty();
    }

    @Test
    default void eventConfigurationIsSavedAndOverwrittenWithNullMembersKeptNull() {
        var domain = inserted(newAccountId(), "Support");
        var first = new CaseEventConfiguration(true, List.of("status", "title", "summary"), true);
        domainRepository().saveEventConfiguration(domain.domainId(), first);

        assertThat(domainRepository().findEventConfiguration(domain.domainId())).contains(first);

        var second = new CaseEventConfiguration(false, null, null);
        domainRepository().saveEventConfiguration(domain.domainId(), second);

        var found = domainRepository().findEventConfiguration(domain.domainId()).orElseThrow();
        assertThat(found).isEqualTo(second);
        assertThat(found.caseFieldIds()).isNull();
        assertThat(found.includeRelatedItemContent()).isNull();
    }

    @Test
    default void eventConfigurationKeepsAnEmptyFieldListAndFalseApartFromNull() {
        var domain = inserted(newAccountId(), "Support");
        var configuration = new CaseEventConfiguration(true, List.of(), false);
        domainRepository().saveEventConfiguration(domain.domainId(), configuration);

        var found = domainRepository().findEventConfiguration(domain.domainId()).orElseThrow();
        assertThat(found.caseFieldIds()).isNotNull().isEmpty();
        assertThat(found.includeRelatedItemContent()).isFalse();
    }

    @Test
    default void eventConfigurationsArePerDomain() {
        String alice = newAccountId();
        var one = inserted(alice, "One");
        var two = inserted(alice, "Two");
        var configuration = new CaseEventConfiguration(true, List.of("title"), null);
        domainRepository().saveEventConfiguration(one.domainId(), configuration);

        assertThat(domainRepository().findEventConfiguration(one.domainId())).contains(configuration);
        assertThat(domainRepository().findEventConfiguration(two.domainId())).isEmpty();
    }

    @Test
    default void listAllWalksEveryAccountsDomainsInIdOrder() {
        var mine = inserted(newAccountId(), "One");
        var theirs = inserted(newAccountId(), "Two");
        var seen = new ArrayList<CasesDomain>();
        String after = null;
        while (true) {
            var page = domainRepository().listAll(after, 2);
            if (page.isEmpty()) {
                break;
            }
            assertThat(page.size()).isLessThanOrEqualTo(2);
            seen.addAll(page);
            after = page.get(page.size() - 1).domainId();
        }
        assertThat(seen).contains(mine, theirs);
        assertThat(seen).extracting(CasesDomain::domainId).isSortedAccordingTo(Comparator.naturalOrder())
                .doesNotHaveDuplicates();
    }
}
