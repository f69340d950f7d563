package io.opencases.domain.casesdomain;

public enum DomainStatus {
    Active, CreationInProgress, CreationFailed
}
