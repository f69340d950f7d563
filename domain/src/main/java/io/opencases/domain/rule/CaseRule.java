package io.opencases.domain.rule;

import io.opencases.domain.DomainException;
import io.opencases.domain.DomainResource;
import io.opencases.domain.Require;

import java.time.Instant;

/** A case rule ("case field condition"), applied to cases through the templates that list it. */
public record CaseRule(String domainId, String caseRuleId, String name, String description, CaseRuleDetails details,
                       boolean deleted, Instant createdTime, Instant lastModifiedTime) implements DomainResource {
    public CaseRule {
        Require.nonNull(domainId, "domainId");
        Require.nonNull(caseRuleId, "caseRuleId");
        Require.nonBlank(name, "name");
        Require.nonNull(details, "details");
        Require.nonNull(createdTime, "createdTime");
        Require.nonNull(lastModifiedTime, "lastModifiedTime");
    }

    @Override
    public String id() {
        return caseRuleId;
    }

    /** Applies an UpdateCaseRule: null arguments keep the current value. */
    public CaseRule update(String newName, String newDescription, CaseRuleDetails newDetails, Instant now) {
        if (deleted) {
            throw DomainException.invalid("Case rule %s is deleted and cannot be updated.", caseRuleId);
        }
        return new CaseRule(domainId, caseRuleId, newName == null ? name : newName,
                newDescription == null ? description : newDescription, newDetails == null ? details : newDetails,
                false, createdTime, now);
    }

    public CaseRule delete(Instant now) {
        return new CaseRule(domainId, caseRuleId, name, description, details, true, createdTime, now);
    }
}
