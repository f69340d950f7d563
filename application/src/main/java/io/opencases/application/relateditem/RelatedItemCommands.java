package io.opencases.application.relateditem;

import io.opencases.application.Caller;
import io.opencases.application.PageRequest;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.CustomValue;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemFilter;
import io.opencases.domain.relateditem.RelatedItemType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Inputs and outputs of the related-item use cases, one record per operation. */
public final class RelatedItemCommands {
    private RelatedItemCommands() {
    }

    /** The content a caller gives; the service completes it (contact details, SLA target time). */
    public sealed interface NewContent {
        RelatedItemType type();
    }

    public record NewComment(String body, String contentType) implements NewContent {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.Comment;
        }
    }

    public record NewContact(String contactArn) implements NewContent {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.Contact;
        }
    }

    public record NewFile(String fileArn) implements NewContent {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.File;
        }
    }

    public record NewSla(String name, String fieldId, List<FieldValue> targetFieldValues, long targetSlaMinutes)
            implements NewContent {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.Sla;
        }
    }

    public record NewConnectCase(String caseId) implements NewContent {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.ConnectCase;
        }
    }

    public record NewCustom(List<CustomValue> fields) implements NewContent {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.Custom;
        }
    }

    public record CreateRelatedItem(Caller caller, String domainId, String caseId, RelatedItemType type,
                                    NewContent content, CaseUser performedBy) {
    }

    public record RelatedItemCreated(String relatedItemId, String relatedItemArn) {
    }

    /** Only comment and custom content can be updated. */
    public record UpdateRelatedItem(Caller caller, String domainId, String caseId, String relatedItemId,
                                    NewContent content, CaseUser performedBy) {
    }

    public record DeleteRelatedItem(Caller caller, String domainId, String caseId, String relatedItemId) {
    }

    public record SearchRelatedItems(Caller caller, String domainId, String caseId, List<RelatedItemFilter> filters,
                                     PageRequest page) {
    }

    /** An item as reads return it; {@code readAt} is the instant its SLA status is computed for. */
    public record RelatedItemView(RelatedItem item, String arn, Map<String, String> tags, Instant readAt) {
    }

    public record ListCasesForContact(Caller caller, String domainId, String contactArn, PageRequest page) {
    }

    public record CaseSummary(String caseId, String templateId) {
    }
}
