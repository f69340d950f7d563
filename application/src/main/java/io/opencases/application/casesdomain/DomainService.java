package io.opencases.application.casesdomain;

import io.opencases.application.Described;
import io.opencases.application.DomainAccess;
import io.opencases.application.Page;
import io.opencases.application.Pagination;
import io.opencases.application.UseCaseContext;
import io.opencases.application.casesdomain.DomainCommands.CreateDomain;
import io.opencases.application.casesdomain.DomainCommands.DeleteDomain;
import io.opencases.application.casesdomain.DomainCommands.DomainCreated;
import io.opencases.application.casesdomain.DomainCommands.GetCaseEventConfiguration;
import io.opencases.application.casesdomain.DomainCommands.GetDomain;
import io.opencases.application.casesdomain.DomainCommands.ListDomains;
import io.opencases.application.casesdomain.DomainCommands.PutCaseEventConfiguration;
import io.opencases.application.search.CaseIndexing;
import io.opencases.application.port.DomainContents;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainStatus;
import io.opencases.domain.event.CaseEventConfiguration;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.SystemFields;

import java.time.Instant;

/** CreateDomain, GetDomain, ListDomains, DeleteDomain and the domain's case event configuration. */
public final class DomainService {
    /** ListDomains allows at most 10 a page; AWS documents no default, so a page is full by default. */
    private static final int DEFAULT_PAGE = 10;

    private final DomainRepository domains;
    private final FieldRepository fields;
    private final DomainContents contents;
    private final TagRepository tags;
    private final CaseIndexing indexing;
    private final DomainAccess access;
    private final UseCaseContext context;

    public DomainService(DomainRepository domains, FieldRepository fields, DomainContents contents,
                         TagRepository tags, CaseIndexing indexing, UseCaseContext context) {
        this.context = context;
        this.domains = domains;
        this.fields = fields;
        this.contents = contents;
        this.tags = tags;
        this.indexing = indexing;
        this.access = new DomainAccess(domains, fields);
    }

    /** Creates an Active domain seeded with the System fields and the status options open and closed. */
    public DomainCreated createDomain(CreateDomain command) {
        String accountId = command.caller().accountId();
        return context.unitOfWork().write(() -> {
            domains.findByName(accountId, command.name()).ifPresent(existing -> {
                throw new DomainException.Conflict("A domain named '" + command.name()
                        + "' already exists in this account: " + existing.domainId());
            });
            if (domains.countByAccount(accountId) >= context.quotas().domainsPerAccount()) {
                throw new DomainException.QuotaExceeded("An account can have at most "
                        + context.quotas().domainsPerAccount() + " domains.");
            }
            Instant now = context.clock().now();
            var domain = new CasesDomain(accountId, context.ids().newId(), command.name(), DomainStatus.Active, now);
            domains.insert(domain);
            for (Field field : SystemFields.forDomain(domain.domainId(), now)) {
                fields.save(field);
            }
            fields.saveOptions(domain.domainId(), SystemFields.STATUS, SystemFields.STATUS_OPTIONS);
            return new DomainCreated(domain.domainId(), context.arns().domain(accountId, domain.domainId()), domain.status());
        });
    }

    public Described<CasesDomain> getDomain(GetDomain command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            String arn = context.arns().domain(domain.accountId(), domain.domainId());
            return new Described<>(domain, arn, tags.tags(arn));
        });
    }

    public Page<Described<CasesDomain>> listDomains(ListDomains command) {
        String accountId = command.caller().accountId();
        return context.unitOfWork().read(() -> {
            Page<CasesDomain> page = Pagination.page("ListDomains", command.page(), DEFAULT_PAGE,
                    (after, limit) -> domains.list(accountId, after, limit), CasesDomain::domainId);
            // Summaries carry no tags; skipping the lookup keeps listing one query.
            return new Page<>(page.items().stream()
                    .map(d -> new Described<>(d, context.arns().domain(accountId, d.domainId()), java.util.Map.of()))
                    .toList(), page.nextToken());
        });
    }

    /**
     * Deletes the domain and everything in it: cases, their related items and audit history, fields, options, layouts, templates,
     * case rules, tags and settings.
     */
    public void deleteDomain(DeleteDomain command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            String domainId = domain.domainId();
            indexing.domainDeleted(domainId);
            contents.deleteAll(domainId, context.arns().domain(domain.accountId(), domainId));
            domains.delete(domainId);
            context.configurations().deleted(domainId);
        });
    }

    public void putCaseEventConfiguration(PutCaseEventConfiguration command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            CaseEventConfiguration configuration = command.configuration();
            if (configuration.caseFieldIds() != null) {
                access.requireLiveFields(domain.domainId(), configuration.caseFieldIds(),
                        "eventBridge.includedData.caseData.fields");
            }
            domains.saveEventConfiguration(domain.domainId(), configuration);
            context.configurations().changed(domain.domainId());
        });
    }

    /** The stored configuration (disabled when never set), without the fields deleted since. */
    public CaseEventConfiguration getCaseEventConfiguration(GetCaseEventConfiguration command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            CaseEventConfiguration configuration = domains.findEventConfiguration(domain.domainId())
                    .orElse(CaseEventConfiguration.DISABLED);
            if (configuration.caseFieldIds() == null) {
                return configuration;
            }
            var live = access.liveFieldIds(domain.domainId(), configuration.caseFieldIds());
            return configuration.withOnlyFields(live::contains);
        });
    }
}
