package io.opencases.domain.cases;

/** The audit event types of the API, with their wire names. */
public enum AuditEventType {
    CASE_CREATED("Case.Created"), CASE_UPDATED("Case.Updated"), RELATED_ITEM_CREATED("RelatedItem.Created"),
    RELATED_ITEM_UPDATED("RelatedItem.Updated"), RELATED_ITEM_DELETED("RelatedItem.Deleted"),
    /** A change made by a case merge; the event carries the merge's metadata. */
    CASE_MERGED("Case.Merged");

    private final String wireName;

    AuditEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
