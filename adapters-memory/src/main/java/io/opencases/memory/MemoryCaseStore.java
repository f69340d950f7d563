package io.opencases.memory;

import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseStore;
import io.opencases.domain.cases.Case;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainConfiguration;
import io.opencases.domain.field.Field;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.template.Template;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The case hot paths on the in-memory repositories, each call one write (or read) of the unit of work, which
 * serialises writers. A domain's configuration version counts the distinct configurations this store has seen:
 * each call compares the configuration it builds from the repositories with the last one it saw.
 */
public final class MemoryCaseStore implements CaseStore {
    private final MemoryDomainRepository domains;
    private final MemoryFieldRepository fields;
    private final MemoryTemplateRepository templates;
    private final MemoryCaseRuleRepository caseRules;
    private final MemoryCaseRepository cases;
    private final MemoryTagRepository tags;
    private final MemoryAuditLog auditLog;
    private final MemoryRelatedItemRepository relatedItems;
    private final MemoryCaseEventOutbox outbox;
    private final MemoryCaseChangeFeed feed;
    private final MemoryUnitOfWork unitOfWork;
    private final MemoryMergeJobRepository mergeJobs;
    /** The configuration last built per domain, with the repositories' change count it was built at. */
    private final ConcurrentHashMap<String, Seen> lastSeen = new ConcurrentHashMap<>();

    private record Seen(long changes, DomainConfiguration configuration) {
    }

    public MemoryCaseStore(MemoryDomainRepository domains, MemoryFieldRepository fields,
                           MemoryTemplateRepository templates, MemoryCaseRuleRepository caseRules,
                           MemoryCaseRepository cases, MemoryTagRepository tags, MemoryAuditLog auditLog,
                           MemoryRelatedItemRepository relatedItems, MemoryCaseEventOutbox outbox,
                           MemoryCaseChangeFeed feed, MemoryUnitOfWork unitOfWork,
                           MemoryMergeJobRepository mergeJobs) {
        this.mergeJobs = mergeJobs;
        this.domains = domains;
        this.fields = fields;
        this.templates = templates;
        this.caseRules = caseRules;
        this.cases = cases;
        this.tags = tags;
        this.auditLog = auditLog;
        this.relatedItems = relatedItems;
        this.outbox = outbox;
        this.feed = feed;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<DomainConfiguration> configuration(String accountId, String domainId) {
        return unitOfWork.read(() -> current(accountId, domainId));
    }

    @Override
    public Optional<CaseRead> read(String accountId, String domainId, String caseId, String caseArn) {
        return unitOfWork.read(() -> domains.find(accountId, domainId).map(domain -> new CaseRead(
                version(domainId), cases.find(domainId, caseId), tags.tags(caseArn))));
    }

    @Override
    public Creation create(NewCase newCase) {
        return unitOfWork.write(() -> {
            Case aCase = newCase.aCase();
            var configuration = current(newCase.accountId(), aCase.domainId());
            if (configuration.isEmpty()) {
                return new Creation.DomainGone();
            }
            if (configuration.get().version() != newCase.configurationVersion()) {
                return new Creation.ConfigurationMoved(configuration.get().version());
            }
            ClientToken token = newCase.token();
            if (token != null) {
                var existing = cases.findClientToken(aCase.domainId(), token.token())
                        .filter(t -> !t.createdTime().isBefore(newCase.tokenExpiredBefore()));
                if (existing.isPresent()) {
                    var t = existing.get();
                    return new Creation.TokenUsed(new ClientToken(t.token(), t.requestFingerprint(), t.caseId(),
                            t.createdTime()));
                }
                cases.saveClientToken(new CaseRepository.ClientToken(aCase.domainId(), token.token(),
                        token.requestFingerprint(), token.caseId(), token.createdTime()));
            }
            cases.save(aCase);
            if (!newCase.tags().isEmpty()) {
                tags.put(newCase.caseArn(), newCase.tags());
            }
            auditLog.append(newCase.auditEvent());
            if (newCase.event() != null) {
                outbox.append(newCase.event());
            }
            return new Creation.Created(feed.append(aCase.domainId(), aCase.caseId()));
        });
    }

    @Override
    public Optional<ClientToken> clientToken(String domainId, String token) {
        return cases.findClientToken(domainId, token)
                .map(t -> new ClientToken(t.token(), t.requestFingerprint(), t.caseId(), t.createdTime()));
    }

    @Override
    public Update update(String accountId, String domainId, String caseId, String caseArn,
                         Function<LockedCase, CaseUpdate> change) {
        return unitOfWork.write(() -> {
            var configuration = current(accountId, domainId);
            if (configuration.isEmpty()) {
                return new Update.DomainGone();
            }
            var aCase = cases.find(domainId, caseId);
            if (aCase.isEmpty()) {
                return new Update.CaseGone();
            }
            var merge = mergeJobs.findRunning(domainId, caseId).filter(j -> j.secondaryCaseId().equals(caseId));
            CaseUpdate update = change.apply(new LockedCase(configuration.get().version(), aCase.get(),
                    () -> relatedItems.listForCase(domainId, caseId),
                    merge.map(io.opencases.domain.merge.MergeJob::primaryCaseId),
                    () -> current(accountId, domainId).orElseThrow()));
            cases.save(update.aCase());
            for (RelatedItem item : update.changedItems()) {
                relatedItems.save(item);
            }
            auditLog.append(update.auditEvent());
            if (update.event() != null) {
                outbox.append(update.event());
            }
            long position = feed.append(domainId, caseId);
            return new Update.Done(new Updated(position, update, tags.tags(caseArn)));
        });
    }

    @Override
    public Deletion delete(String accountId, String domainId, String caseId, String caseArn,
                           Function<DoomedCase, io.opencases.domain.event.CaseEvent> decide) {
        return unitOfWork.write(() -> {
            var configuration = current(accountId, domainId);
            if (configuration.isEmpty()) {
                return new Deletion.DomainGone();
            }
            var aCase = cases.find(domainId, caseId);
            if (aCase.isEmpty()) {
                return new Deletion.CaseGone();
            }
            var merge = mergeJobs.findRunning(domainId, caseId)
                    .map(j -> new RunningMerge(j.primaryCaseId(), j.secondaryCaseId()));
            var event = decide.apply(new DoomedCase(configuration.get().version(), aCase.get(), merge,
                    () -> current(accountId, domainId).orElseThrow()));
            cases.delete(domainId, caseId);
            auditLog.deleteCase(domainId, caseId);
            relatedItems.deleteCase(domainId, caseId);
            tags.deleteTree(caseArn);
            if (event != null) {
                outbox.append(event);
            }
            return new Deletion.Deleted(feed.append(domainId, caseId));
        });
    }

    @Override
    public Optional<AuditRead> auditEvents(String accountId, String domainId, String caseId, int from, int limit) {
        return unitOfWork.read(() -> domains.find(accountId, domainId).map(domain -> cases.find(domainId, caseId)
                .isEmpty() ? new AuditRead(false, java.util.List.of())
                : new AuditRead(true, auditLog.events(domainId, caseId, from, limit))));
    }

    private long version(String domainId) {
        Seen seen = lastSeen.get(domainId);
        return seen == null ? 0 : seen.configuration().version();
    }

    /**
     * The configuration as the repositories hold it now, with the version of the last one seen if equal. Built again
     * only after something in the repositories changed: building it and comparing it with the last one on every
     * case write was half of the memory store's part of CreateCase (JFR, 2026-12-08, 1,000 writes/s). The count is
     * read before the build, so a change made meanwhile is seen by the next call.
     */
    private Optional<DomainConfiguration> current(String accountId, String domainId) {
        Optional<CasesDomain> domain = domains.find(accountId, domainId);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        long changes = fields.changes() + templates.changes() + caseRules.changes() + domains.changes();
        Seen seen = lastSeen.get(domainId);
        if (seen != null && seen.changes() == changes) {
            return Optional.of(seen.configuration());
        }
        return Optional.of(lastSeen.compute(domainId, (id, last) -> {
            long version = last == null ? 1 : last.configuration().version();
            var now = new DomainConfiguration(domain.get(), version,
                    byId(fields.allInDomain(domainId), Field::fieldId), fields.allOptions(domainId),
                    byId(templates.allInDomain(domainId), Template::templateId),
                    byId(caseRules.allInDomain(domainId), CaseRule::caseRuleId),
                    domains.findEventConfiguration(domainId).orElse(null));
            if (last == null || now.equals(last.configuration())) {
                return new Seen(changes, last == null ? now : last.configuration());
            }
            return new Seen(changes, new DomainConfiguration(now.domain(), version + 1, now.fields(), now.options(),
                    now.templates(), now.caseRules(), now.eventConfiguration()));
        }).configuration());
    }

    private static <T> Map<String, T> byId(java.util.List<T> resources, Function<T, String> id) {
        return resources.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
