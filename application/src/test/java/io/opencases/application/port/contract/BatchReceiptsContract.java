package io.opencases.application.port.contract;

import io.opencases.application.port.BatchReceipts;
import io.opencases.application.port.BatchReceipts.Entry;
import io.opencases.application.port.BatchReceipts.Receipt;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every BatchReceipts adapter must do; each test uses a fresh domain id. */
public interface BatchReceiptsContract {
    Instant NOW = Instant.parse("2026-11-26T10:00:00.123Z");

    BatchReceipts batchReceipts();

    private static String newDomainId() {
        return "d-" + UUID.randomUUID();
    }

    @Test
    default void anUnknownTokenHasNoReceiptAndNoEntries() {
        String domainId = newDomainId();
        assertThat(batchReceipts().find(domainId, "BatchUpdateCase", "t")).isEmpty();
        assertThat(batchReceipts().entry(domainId, "BatchUpdateCase", "t", 0)).isEmpty();
        assertThat(batchReceipts().entries(domainId, "BatchUpdateCase", "t")).isEmpty();
    }

    @Test
    default void aReceiptKeepsItsFingerprintAndEntriesInPositionOrder() {
        String domainId = newDomainId();
        batchReceipts().open(new Receipt(domainId, "BatchCreateRelatedItem", "t1", "fp", NOW));
        var second = new Entry(1, "case-2", null, "CASE_NOT_FOUND", "Case case-2 was not found.");
        var first = new Entry(0, "case-1", "item-1", null, null);
        batchReceipts().record(domainId, "BatchCreateRelatedItem", "t1", second);
        batchReceipts().record(domainId, "BatchCreateRelatedItem", "t1", first);

        assertThat(batchReceipts().find(domainId, "BatchCreateRelatedItem", "t1"))
                .contains(new Receipt(domainId, "BatchCreateRelatedItem", "t1", "fp", NOW));
        assertThat(batchReceipts().entries(domainId, "BatchCreateRelatedItem", "t1")).containsExactly(first, second);
        assertThat(batchReceipts().entry(domainId, "BatchCreateRelatedItem", "t1", 1)).contains(second);
    }

    @Test
    default void tokensAreScopedByDomainAndOperation() {
        String domainId = newDomainId();
        batchReceipts().open(new Receipt(domainId, "BatchUpdateCase", "t", "fp", NOW));
        batchReceipts().record(domainId, "BatchUpdateCase", "t", new Entry(0, "c", null, null, null));

        assertThat(batchReceipts().find(domainId, "BatchCreateRelatedItem", "t")).isEmpty();
        assertThat(batchReceipts().find(newDomainId(), "BatchUpdateCase", "t")).isEmpty();
        assertThat(batchReceipts().entries(domainId, "BatchCreateRelatedItem", "t")).isEmpty();
    }

    @Test
    default void reopeningATokenStartsAFreshReceipt() {
        String domainId = newDomainId();
        batchReceipts().open(new Receipt(domainId, "BatchUpdateCase", "t", "old", NOW));
        batchReceipts().record(domainId, "BatchUpdateCase", "t", new Entry(0, "c", null, null, null));

        Instant later = NOW.plusSeconds(90_000);
        batchReceipts().open(new Receipt(domainId, "BatchUpdateCase", "t", "new", later));

        assertThat(batchReceipts().find(domainId, "BatchUpdateCase", "t"))
                .contains(new Receipt(domainId, "BatchUpdateCase", "t", "new", later));
        assertThat(batchReceipts().entries(domainId, "BatchUpdateCase", "t")).isEmpty();
    }
}
