package io.opencases.application.port.contract;

import io.opencases.application.port.CaseChangeFeed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every CaseChangeFeed adapter must do. The feed is global, so each test reads only its own domain's changes. */
public interface CaseChangeFeedContract {

    CaseChangeFeed changeFeed();

    @Test
    default void appendedChangesFollowTheirPositionInOrder() {
        String domainId = UUID.randomUUID().toString();
        long start = changeFeed().head();

        changeFeed().append(domainId, "case-1");
        changeFeed().append(domainId, "case-2");
        changeFeed().append(domainId, null);

        var mine = changeFeed().after(start, 1_000).stream().filter(c -> c.domainId().equals(domainId)).toList();
        assertThat(mine).extracting(CaseChangeFeed.Change::caseId).containsExactly("case-1", "case-2", null);
        assertThat(mine).extracting(CaseChangeFeed.Change::position).isSorted().allMatch(p -> p > start);
        assertThat(mine).allMatch(c -> c.recordedAt() != null);
        assertThat(changeFeed().head()).isGreaterThanOrEqualTo(mine.get(2).position());
    }

    @Test
    default void eachChangeSaysWhetherACaseChangedTheDomainWasDeletedOrItsConfigurationChanged() {
        String domainId = UUID.randomUUID().toString();
        long start = changeFeed().head();

        changeFeed().append(domainId, "case-1");
        long configuration = changeFeed().appendConfigurationChange(domainId);
        changeFeed().append(domainId, null);

        var mine = changeFeed().after(start, 1_000).stream().filter(c -> c.domainId().equals(domainId)).toList();
        assertThat(mine).extracting(CaseChangeFeed.Change::kind).containsExactly(CaseChangeFeed.Change.Kind.CASE,
                CaseChangeFeed.Change.Kind.CONFIGURATION, CaseChangeFeed.Change.Kind.DOMAIN_DELETED);
        assertThat(mine).extracting(CaseChangeFeed.Change::caseId).containsExactly("case-1", null, null);
        assertThat(mine.get(1).position()).isEqualTo(configuration);
        assertThat(changeFeed().head()).isGreaterThanOrEqualTo(configuration);
    }

    @Test
    default void afterSkipsWhatWasReadAndHonoursTheLimit() {
        String domainId = UUID.randomUUID().toString();
        changeFeed().append(domainId, "case-1");
        long position = changeFeed().head();
        changeFeed().append(domainId, "case-2");
        changeFeed().append(domainId, "case-3");

        var next = changeFeed().after(position, 1);

        assertThat(next).hasSize(1);
        assertThat(next.get(0).position()).isGreaterThan(position);
    }

    @Test
    default void pruneForgetsOldChangesOnly() {
        String domainId = UUID.randomUUID().toString();
        long start = changeFeed().head();
        changeFeed().append(domainId, "case-1");

        changeFeed().prune(Instant.now().minusSeconds(3600));
        assertThat(changeFeed().after(start, 1_000)).anyMatch(c -> c.domainId().equals(domainId));

        changeFeed().prune(Instant.now().plusSeconds(3600));
        assertThat(changeFeed().after(start, 1_000)).noneMatch(c -> c.domainId().equals(domainId));
        assertThat(changeFeed().prunedThrough()).isGreaterThan(start);
    }

    @Test
    default void aMarkCoversTheHeadAndSettlesOnceNoTransactionCanStillAddBelowIt() {
        String domainId = UUID.randomUUID().toString();
        long position = changeFeed().append(domainId, "case-1");

        CaseChangeFeed.Mark mark = changeFeed().mark();

        assertThat(mark.position()).isGreaterThanOrEqualTo(position);
        // Nothing is in flight here: every change up to the mark is visible.
        assertThat(changeFeed().settled(mark)).isTrue();
        assertThat(changeFeed().after(position - 1, 1_000)).anyMatch(c -> c.position() == position);
    }
}
