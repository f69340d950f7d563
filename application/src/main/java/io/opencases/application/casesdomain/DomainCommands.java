package io.opencases.application.casesdomain;

import io.opencases.application.Caller;
import io.opencases.application.PageRequest;
import io.opencases.domain.casesdomain.DomainStatus;
import io.opencases.domain.event.CaseEventConfiguration;

/** Inputs and outputs of the domain use cases, one record per operation. */
public final class DomainCommands {
    private DomainCommands() {
    }

    public record CreateDomain(Caller caller, String name) {
    }

    public record DomainCreated(String domainId, String domainArn, DomainStatus status) {
    }

    public record GetDomain(Caller caller, String domainId) {
    }

    public record ListDomains(Caller caller, PageRequest page) {
    }

    public record DeleteDomain(Caller caller, String domainId) {
    }

    public record PutCaseEventConfiguration(Caller caller, String domainId, CaseEventConfiguration configuration) {
    }

    public record GetCaseEventConfiguration(Caller caller, String domainId) {
    }
}
