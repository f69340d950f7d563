package io.opencases.domain.merge;

/** The states of a merge, as GetMergeCasesStatus names them. */
public enum MergeStatus {
    IN_PROGRESS, COMPLETED
}
