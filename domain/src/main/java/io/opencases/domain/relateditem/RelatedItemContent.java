package io.opencases.domain.relateditem;

import io.opencases.domain.DomainException;
import io.opencases.domain.Require;
import io.opencases.domain.field.FieldValue;

import java.time.Instant;
import java.util.List;

/** What a related item holds, one record per type. */
public sealed interface RelatedItemContent {

    RelatedItemType type();

    record Comment(String body, String contentType) implements RelatedItemContent {
        public Comment {
            Require.nonBlank(body, "body");
        }

        @Override
        public RelatedItemType type() {
            return RelatedItemType.Comment;
        }
    }

    /**
     * A Connect contact. AWS reads channel and connection time from Amazon Connect; a self-hosted server has no
     * Connect, so it records the channel as UNKNOWN and the association time as the connection time.
     */
    record Contact(String contactArn, String channel, Instant connectedToSystemTime) implements RelatedItemContent {
        public static final String UNKNOWN_CHANNEL = "UNKNOWN";

        public Contact {
            Require.nonBlank(contactArn, "contactArn");
            Require.nonBlank(channel, "channel");
            Require.nonNull(connectedToSystemTime, "connectedToSystemTime");
        }

        @Override
        public RelatedItemType type() {
            return RelatedItemType.Contact;
        }
    }

    record File(String fileArn) implements RelatedItemContent {
        public File {
            Require.nonBlank(fileArn, "fileArn");
        }

        @Override
        public RelatedItemType type() {
            return RelatedItemType.File;
        }
    }

    record ConnectCase(String caseId) implements RelatedItemContent {
        public ConnectCase {
            Require.nonBlank(caseId, "caseId");
        }

        @Override
        public RelatedItemType type() {
            return RelatedItemType.ConnectCase;
        }
    }

    record Custom(List<CustomValue> fields) implements RelatedItemContent {
        public Custom {
            fields = Require.copy(fields);
            if (fields.stream().map(CustomValue::fieldId).distinct().count() != fields.size()) {
                throw DomainException.invalid("content.custom.fields: each field may be given once.");
            }
        }

        @Override
        public RelatedItemType type() {
            return RelatedItemType.Custom;
        }
    }

    /**
     * A service level agreement on a case field: met when the field reaches one of the target values. Its status
     * is computed whenever it is read, so it is never stale; a completed SLA stays completed.
     */
    record Sla(String name, String fieldId, List<FieldValue> targetFieldValues, Instant targetTime,
               Instant completionTime) implements RelatedItemContent {
        public static final String TYPE = "CaseField";

        public Sla {
            Require.nonBlank(name, "name");
            Require.nonNull(fieldId, "fieldId");
            Require.nonNull(targetTime, "targetTime");
            targetFieldValues = Require.copy(targetFieldValues);
        }

        @Override
        public RelatedItemType type() {
            return RelatedItemType.Sla;
        }

        public SlaStatus status(Instant now) {
            if (completionTime != null) {
                return completionTime.isAfter(targetTime) ? SlaStatus.NotMet : SlaStatus.Met;
            }
            return now.isBefore(targetTime) ? SlaStatus.Active : SlaStatus.Overdue;
        }

        public boolean isOpen() {
            return completionTime == null;
        }

        /** The SLA after its field took {@code value} at {@code now}: completed if the value is a target. */
        public Sla observe(FieldValue value, Instant now) {
            if (!isOpen() || value == null || !targetFieldValues.contains(value)) {
                return this;
            }
            return new Sla(name, fieldId, targetFieldValues, targetTime, now);
        }
    }
}
