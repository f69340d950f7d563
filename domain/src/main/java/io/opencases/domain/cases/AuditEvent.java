package io.opencases.domain.cases;

import io.opencases.domain.Require;
import io.opencases.domain.field.FieldValue;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a case's audit history. {@code relatedItemType} is set for related-item events; {@code user} is the
 * performedBy of the request, if any; {@code iamPrincipalArn} is who signed it; {@code mergeMetadata} is set on the
 * events a case merge records, on both cases.
 */
public record AuditEvent(String eventId, String domainId, String caseId, AuditEventType type, String relatedItemType,
                         Instant performedTime, List<Change> fields, CaseUser user, String iamPrincipalArn,
                         MergeMetadata mergeMetadata) {

    /** The merge an event belongs to: {@code mergeEventId} is the same on every event of one merge. */
    public record MergeMetadata(String mergeEventId, String primaryCaseId, String secondaryCaseId) {
        public MergeMetadata {
            Require.nonNull(mergeEventId, "mergeEventId");
            Require.nonNull(primaryCaseId, "primaryCaseId");
            Require.nonNull(secondaryCaseId, "secondaryCaseId");
        }
    }

    /** An event that no merge made. */
    public AuditEvent(String eventId, String domainId, String caseId, AuditEventType type, String relatedItemType,
                      Instant performedTime, List<Change> fields, CaseUser user, String iamPrincipalArn) {
        this(eventId, domainId, caseId, type, relatedItemType, performedTime, fields, user, iamPrincipalArn, null);
    }

    /** A field's value before (null on creation) and after the change. */
    public record Change(String fieldId, FieldValue oldValue, FieldValue newValue) {
        public Change {
            Require.nonNull(fieldId, "fieldId");
            Require.nonNull(newValue, "newValue");
        }
    }

    public AuditEvent {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(domainId, "domainId");
        Require.nonNull(caseId, "caseId");
        Require.nonNull(type, "type");
        Require.nonNull(performedTime, "performedTime");
        Require.nonNull(iamPrincipalArn, "iamPrincipalArn");
        fields = Require.copy(fields);
    }
}
