package io.opencases.application.merge;

import io.opencases.application.Caller;
import io.opencases.domain.merge.MergeStatus;
import io.opencases.domain.relateditem.RelatedItemType;

import java.util.List;

/** Inputs and outputs of the merge use cases, one record per operation. */
public final class MergeCommands {
    private MergeCommands() {
    }

    /** The fields whose values move; {@code sourceCaseId} must be the secondary case. */
    public record FieldsConfiguration(String sourceCaseId, List<String> fieldIds) {
        public FieldsConfiguration {
            fieldIds = List.copyOf(fieldIds);
        }
    }

    /**
     * {@code fields} may be null (no field moves); {@code relatedItemTypes} are the types that move (AWS allows
     * Comment, Contact, ConnectCase and Custom).
     */
    public record StartMergeCases(Caller caller, String domainId, String primaryCaseId, String secondaryCaseId,
                                  FieldsConfiguration fields, List<RelatedItemType> relatedItemTypes) {
        public StartMergeCases {
            relatedItemTypes = List.copyOf(relatedItemTypes);
        }
    }

    /** The merge that was started; its id is the mergeEventId of its audit events. */
    public record MergeStarted(String mergeId) {
    }

    public record GetMergeCasesStatus(Caller caller, String domainId, String caseId) {
    }

    public record MergeCasesStatus(String primaryCaseId, List<String> secondaryCaseIds, MergeStatus status) {
    }
}
