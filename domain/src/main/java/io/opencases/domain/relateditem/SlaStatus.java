package io.opencases.domain.relateditem;

public enum SlaStatus {
    Active, Overdue, Met, NotMet
}
