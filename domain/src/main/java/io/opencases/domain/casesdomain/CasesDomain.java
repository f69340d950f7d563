package io.opencases.domain.casesdomain;

import io.opencases.domain.Require;

import java.time.Instant;

/** A Cases domain: the container of every field, template, layout, rule and case, owned by one account. */
public record CasesDomain(String accountId, String domainId, String name, DomainStatus status, Instant createdTime) {
    public CasesDomain {
        Require.nonNull(accountId, "accountId");
        Require.nonNull(domainId, "domainId");
        Require.nonBlank(name, "name");
        Require.nonNull(status, "status");
        Require.nonNull(createdTime, "createdTime");
    }
}
