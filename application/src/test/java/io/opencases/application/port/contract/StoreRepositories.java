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

    /** A contract seeded through a storage's repositories: they are read by the names the contracts use. */
    public interface Seeded {
        StoreRepositories repositories();

        default DomainRepository domainRepository() {
            return repositories().domains();
        }

        default FieldRepository fieldRepository() {
            return repositories().fields();
        }

        default LayoutRepository layoutRepository() {
            return repositories().layouts();
        }

        default TemplateRepository templateRepository() {
            return repositories().templates();
        }

        default CaseRuleRepository caseRuleRepository() {
            return repositories().caseRules();
        }

        default CaseRepository caseRepository() {
            return repositories().cases();
        }

        default RelatedItemRepository relatedItemRepository() {
            return repositories().relatedItems();
        }

        default TagRepository tagRepository() {
            return repositories().tags();
        }

        default AuditLog auditLogRepository() {
            return repositories().auditLog();
        }

        default MergeJobRepository mergeJobRepository() {
            return repositories().mergeJobs();
        }

        /** An active domain of {@code accountId}, with a new id. */
        default String newDomain(String accountId, Instant created) {
            String domainId = UUID.randomUUID().toString();
            domainRepository().insert(new CasesDomain(accountId, domainId, "d-" + domainId, DomainStatus.Active,
                    created));
            return domainId;
        }

        /** An open case of template "tpl", saved. */
        default Case newCase(String domainId, String caseId, Instant created) {
            var aCase = new Case(domainId, caseId, "tpl", Map.of("status", new FieldValue.StringValue("open")),
                    created);
            caseRepository().save(aCase);
            return aCase;
        }
    }
}
