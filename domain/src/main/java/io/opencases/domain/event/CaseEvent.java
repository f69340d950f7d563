package io.opencases.domain.event;

import io.opencases.domain.Require;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.RelatedItemContent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A change to a case or one of its related items, as the "Amazon Connect Cases Change" event reports it. The id
 * is fixed when the change happens, so every redelivery of the event carries the same id.
 */
public record CaseEvent(String eventId, String accountId, String region, String domainId, String caseId,
                        String eventType, Instant time, List<String> resources, List<String> changedFieldIds,
                        List<String> changedAttributes, CaseUser user, String iamPrincipalArn, CaseSnapshot caseData,
                        RelatedItemSnapshot relatedItem) {

    public static final String CASE_CREATED = "CASE.CREATED";
    public static final String CASE_UPDATED = "CASE.UPDATED";
    public static final String CASE_DELETED = "CASE.DELETED";
    public static final String RELATED_ITEM_CREATED = "RELATED_ITEM.CREATED";
    public static final String RELATED_ITEM_UPDATED = "RELATED_ITEM.UPDATED";
    public static final String RELATED_ITEM_DELETED = "RELATED_ITEM.DELETED";

    /** The case after the change; {@code fields} holds only the configured fields that have a value. */
    public record CaseSnapshot(String caseId, String templateId, Instant createdDateTime,
                               Map<String, FieldValue> fields) {
        public CaseSnapshot {
            fields = Map.copyOf(fields);
        }
    }

    /** The related item; {@code content} is null unless the configuration asks for content. */
    public record RelatedItemSnapshot(String relatedItemType, String relatedItemId, String caseId,
                                      Instant createdDateTime, RelatedItemContent content) {
    }

    public CaseEvent {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(domainId, "domainId");
        Require.nonNull(caseId, "caseId");
        Require.nonNull(eventType, "eventType");
        Require.nonNull(time, "time");
        resources = Require.copy(resources);
        changedFieldIds = Require.copy(changedFieldIds);
        changedAttributes = Require.copy(changedAttributes);
    }
}
