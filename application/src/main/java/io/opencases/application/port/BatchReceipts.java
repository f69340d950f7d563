package io.opencases.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a batch request sent with a client token did, case by case (BatchUpdateCase, BatchCreateRelatedItem), so a
 * retry with the same token answers the same without applying anything twice. A batch records each case's entry in
 * the same unit of work as that case's change.
 */
public interface BatchReceipts {
    /** A batch request: its operation, token and a fingerprint of what it asked for. */
    record Receipt(String domainId, String operation, String token, String fingerprint, Instant createdTime) {
    }

    /**
     * What became of the case at {@code position} of the request: {@code errorCode} null for a success, with the
     * new related item's id where the batch creates one.
     */
    record Entry(int position, String caseId, String relatedItemId, String errorCode, String errorMessage) {
    }

    Optional<Receipt> find(String domainId, String operation, String token);

    /** Starts a receipt; replaces an earlier one under the same key, with its entries (an expired token reused). */
    void open(Receipt receipt);

    /** Records one case's outcome; a position is recorded once. */
    void record(String domainId, String operation, String token, Entry entry);

    Optional<Entry> entry(String domainId, String operation, String token, int position);

    /** The receipt's entries in position order. */
    List<Entry> entries(String domainId, String operation, String token);
}
