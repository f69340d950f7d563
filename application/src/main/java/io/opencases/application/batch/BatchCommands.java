package io.opencases.application.batch;

import io.opencases.application.Caller;
import io.opencases.application.relateditem.RelatedItemCommands.NewContent;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;

import java.util.List;

/** Inputs and outputs of the batch use cases, one record per operation. */
public final class BatchCommands {
    private BatchCommands() {
    }

    /** A case as a request names it: by case ID or by reference ID (CaseIdentifierUnion). */
    public sealed interface CaseRef {
    }

    public record ByCaseId(String caseId) implements CaseRef {
    }

    public record ByReferenceId(String referenceId) implements CaseRef {
    }

    /** A field as BatchUpdateCase names it: by id or by name (FieldIdentifierUnion). */
    public sealed interface FieldRef {
    }

    public record FieldById(String fieldId) implements FieldRef {
    }

    public record FieldByName(String name) implements FieldRef {
    }

    public record FieldValueInput(FieldRef field, FieldValue value) {
    }

    /** The identifiers of a case in a batch answer; {@code referenceId} null when the case has none. */
    public record CaseIdentifier(String caseId, String referenceId) {
    }

    /** One case that failed, with one of the documented codes (CASE_NOT_FOUND, VALIDATION_ERROR, CONFLICT, ...). */
    public record BatchFailure(CaseIdentifier caseIdentifier, String errorCode, String errorMessage) {
    }

    /**
     * {@code fields} may be empty; {@code title}, {@code status}, {@code customerId}, {@code performedBy} and
     * {@code clientToken} may be null. At least one field, title, status or customer must be given.
     */
    public record BatchUpdateCase(Caller caller, String domainId, List<CaseRef> cases, List<FieldValueInput> fields,
                                  CaseUser performedBy, String title, String status, String customerId,
                                  String clientToken) {
        public BatchUpdateCase {
            cases = List.copyOf(cases);
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    public record BatchUpdateCaseResult(List<CaseIdentifier> successfulCases, List<BatchFailure> failedCases) {
    }

    /** Only comment content can be created in a batch. */
    public record BatchCreateRelatedItem(Caller caller, String domainId, NewContent content, List<CaseRef> cases,
                                         CaseUser performedBy, String clientToken) {
        public BatchCreateRelatedItem {
            cases = List.copyOf(cases);
        }
    }

    public record CreatedItem(CaseIdentifier caseIdentifier, String relatedItemId, String relatedItemArn) {
    }

    public record BatchCreateRelatedItemResult(List<CreatedItem> successfulItems, List<BatchFailure> failedItems) {
    }
}
