package io.opencases.application.port.contract;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.MergeJobRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.domain.cases.Case;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainStatus;
import io.opencases.domain.field.FieldValue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The repositories a coarse store's contract seeds its data through and reads it back from: one storage's set, handed
 * over once by each adapter's test instead of one accessor per repository per contract.
 */
public record StoreRepositories(DomainRepository domains, FieldRepository fields, LayoutRepository layouts,
                                TemplateRepository templates, CaseRuleRepository caseRules, CaseRepository cases,
                                RelatedItemRepository relatedItems, TagRepository tags, AuditLog auditLog,
                                MergeJobRepository mergeJobs) {

    /** A contract seeded through a storage's repositories, with the seeds the contracts share. */
    public interface Seeded {
        StoreRepositories repositories();

        /** An active domain of {@code accountId}, with a new id. */
        default String newDomain(String accountId, Instant created) {
            String domainId = UUID.randomUUID().toString();
            repositories().domains().insert(new CasesDomain(accountId, domainId, "d-" + domainId, DomainStatus.Active,
                    created));
            return domainId;
        }

        /** An open case of template "tpl", saved. */
        default Case newCase(String domainId, String caseId, Instant created) {
            var aCase = new Case(domainId, caseId, "tpl", Map.of("status", new FieldValue.StringValue("open")),
                    created);
            repositories().cases().save(aCase);
            return aCase;
        }
    }
}
