package io.opencases.application.cases;

import io.opencases.application.Page;
import io.opencases.application.Pagination;
import io.opencases.application.UseCaseContext;
import io.opencases.application.cases.CaseCommands.CaseCreated;
import io.opencases.application.cases.CaseCommands.CaseView;
import io.opencases.application.cases.CaseCommands.CreateCase;
import io.opencases.application.cases.CaseCommands.DeleteCase;
import io.opencases.application.cases.CaseCommands.FieldWrite;
import io.opencases.application.cases.CaseCommands.GetCase;
import io.opencases.application.cases.CaseCommands.GetCaseAuditEvents;
import io.opencases.application.cases.CaseCommands.UpdateCase;
import io.opencases.application.merge.MergeGuard;
import io.opencases.application.search.CaseIndexing;
import io.opencases.application.casesdomain.DomainConfigurations;
import io.opencases.application.port.CaseStore;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainConfiguration;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseChange;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.event.CaseEvent;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.template.Template;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cases: CreateCase, GetCase, UpdateCase, DeleteCase and GetCaseAuditEvents. */
public final class CaseService {
    /** GetCaseAuditEvents pages hold at most 25 events (the model's maximum and documented default). */
    private static final int AUDIT_PAGE = 25;
    /** How long a CreateCase client token is remembered (AWS-wide convention: at least 8 hours). */
    static final Duration CLIENT_TOKEN_RETENTION = Duration.ofHours(24);

    /** Attempts of a CreateCase whose domain configuration changes under it each time. */
    private static final int MAX_ATTEMPTS = 10;

    private final CaseStore store;
    private final DomainConfigurations configurations;
    private final CaseIndexing indexing;
    private final UseCaseContext context;

    /** Every operation is one call of {@code store}, validated on the cached, versioned configurations. */
    public CaseService(CaseStore store, DomainConfigurations configurations, CaseIndexing indexing,
                       UseCaseContext context) {
        this.store = store;
        this.configurations = configurations;
        this.indexing = indexing;
        this.context = context;
    }

    public CaseCreated createCase(CreateCase command) {
        String accountId = command.caller().accountId();
        String domainId = command.domainId();
        String token = command.clientToken() == null || command.clientToken().isEmpty() ? null
                : command.clientToken();
        // Only a request with a token is ever compared with another.
        String fingerprint = token == null ? null : fingerprint(command);
        List<CaseChange.FieldWrite> writes = writes(command.fields());
        DomainConfiguration configuration = configurations.require(accountId, domainId);
        boolean fresh = false;
        for (int attempt = 1; ; attempt++) {
            Instant now = now();
            String caseId = context.ids().newId();
            CaseChange change;
            try {
                change = CaseChange.create(configuration, caseId, command.templateId(), writes,
                        actor(command.caller(), command.performedBy(), now));
            } catch (DomainException invalid) {
                if (!fresh) {
                    // Refused by a cached configuration: a request is only refused by the one stored now.
                    configuration = configurations.reload(accountId, domainId);
                    fresh = true;
                    continue;
                }
                // A retry of a request that already made its case gets that case, whatever changed since.
                if (token != null) {
                    var previous = store.clientToken(domainId, token)
                            .filter(t -> t.createdTime().plus(CLIENT_TOKEN_RETENTION).isAfter(now));
                    if (previous.isPresent()) {
                        return replay(configuration, token, fingerprint, previous.get());
                    }
                }
                throw invalid;
            }
            Template template = configuration.template(command.templateId()).orElseThrow();
            Map<String, String> caseTags = CaseChange.initialTags(template, command.tags());
            String arn = caseArn(configuration.domain(), caseId);
            CaseEvent event = change.event(configuration, context.ids().newId(), context.arns().region(),
                    context.arns().domain(accountId, domainId), arn).orElse(null);
            var creation = store.create(new CaseStore.NewCase(accountId, configuration.version(), change.after(), arn,
                    token == null ? null : new CaseStore.ClientToken(token, fingerprint, caseId, now),
                    now.minus(CLIENT_TOKEN_RETENTION), caseTags, change.auditEvent(), event));
            if (creation instanceof CaseStore.Creation.Created created) {
                indexing.caseStored(change.after(), caseTags, created.feedPosition());
                return new CaseCreated(caseId, arn);
            } else if (creation instanceof CaseStore.Creation.TokenUsed used) {
                return replay(configuration, token, fingerprint, used.existing());
            } else if (creation instanceof CaseStore.Creation.ConfigurationMoved moved && attempt < MAX_ATTEMPTS) {
                configurations.seen(domainId, moved.version());
                configuration = configurations.reload(accountId, domainId);
                fresh = true;
            } else if (creation instanceof CaseStore.Creation.DomainGone) {
                configurations.evict(domainId);
                throw new DomainException.NotFound("Domain", domainId);
            } else {
                throw new IllegalStateException("the configuration of domain " + domainId + " kept changing");
            }
        }
    }

    private CaseCreated replay(DomainConfiguration configuration, String token, String fingerprint,
                               CaseStore.ClientToken previous) {
        if (!previous.requestFingerprint().equals(fingerprint)) {
            throw new DomainException.Conflict("clientToken " + token
                    + " was already used for a different CreateCase request.");
        }
        return new CaseCreated(previous.caseId(), caseArn(configuration.domain(), previous.caseId()));
    }

    /** The requested fields that have a value (values of deleted fields included), in request order. */
    public CaseView getCase(GetCase command) {
        String accountId = command.caller().accountId();
        String arn = context.arns().caseArn(accountId, command.domainId(), command.caseId());
        CaseStore.CaseRead read = store.read(accountId, command.domainId(), command.caseId(), arn)
                .orElseThrow(() -> new DomainException.NotFound("Domain", command.domainId()));
        configurations.seen(command.domainId(), read.configurationVersion());
        Case aCase = read.aCase().orElseThrow(() -> new DomainException.NotFound("Case", command.caseId()));
        var result = new ArrayList<FieldWrite>();
        for (String id : new java.util.LinkedHashSet<>(command.fieldIds())) {
            FieldValue value = aCase.values().get(id);
            if (value != null) {
                result.add(new FieldWrite(id, value));
            }
        }
        return new CaseView(aCase.templateId(), result, read.tags());
    }

    /** Changes only the given fields; emptyValue clears one. */
    public void updateCase(UpdateCase command) {
        String accountId = command.caller().accountId();
        String domainId = command.domainId();
        String arn = context.arns().caseArn(accountId, domainId, command.caseId());
        List<CaseChange.FieldWrite> writes = writes(command.fields());
        DomainConfiguration cached = configurations.require(accountId, domainId);
        var outcome = store.update(accountId, domainId, command.caseId(), arn, locked -> {
            // The store reads a running merge with the lock. A merge recorded after that cannot lose this update: its
            // runner writes both cases in a serializable unit of work, which re-runs when this write commits under it
            // (docs/compatibility.md, "Merges and the fast write path").
            locked.mergingInto().ifPresent(primary -> {
                throw MergeGuard.writeRefused(command.caseId(), primary);
            });
            DomainConfiguration configuration = cached;
            if (locked.configurationVersion() != configuration.version()) {
                // Validated against the configuration as it is now, read while the case is locked.
                configuration = configurations.offer(locked.configuration().get());
            }
            Instant now = now();
            CaseChange change = CaseChange.update(configuration, locked.aCase(), writes,
                    actor(command.caller(), command.performedBy(), now), locked.relatedItems());
            CaseEvent event = change.event(configuration, context.ids().newId(), context.arns().region(),
                    context.arns().domain(accountId, domainId), arn).orElse(null);
            return new CaseStore.CaseUpdate(change.after(), change.auditEvent(), event, change.changedSlas());
        });
        if (outcome instanceof CaseStore.Update.Done done) {
            indexing.caseStored(done.updated().update().aCase(), done.updated().tags(),
                    done.updated().feedPosition());
        } else if (outcome instanceof CaseStore.Update.DomainGone) {
            configurations.evict(domainId);
            throw new DomainException.NotFound("Domain", domainId);
        } else {
            throw new DomainException.NotFound("Case", command.caseId());
        }
    }

    private CaseChange.Actor actor(io.opencases.application.Caller caller, CaseUser user, Instant now) {
        return new CaseChange.Actor(user, caller.principalArn(), now, context.ids().newId());
    }

    private static List<CaseChange.FieldWrite> writes(List<FieldWrite> fields) {
        return fields.stream().map(w -> new CaseChange.FieldWrite(w.fieldId(), w.value())).toList();
    }

    /** Removes the case with its related items, audit history and tags; this cannot be undone. */
    public void deleteCase(DeleteCase command) {
        String accountId = command.caller().accountId();
        String domainId = command.domainId();
        String caseId = command.caseId();
        String arn = context.arns().caseArn(accountId, domainId, caseId);
        DomainConfiguration cached = configurations.require(accountId, domainId);
        var outcome = store.delete(accountId, domainId, caseId, arn, doomed -> {
            // As StartMergeCases documents: neither case of a running merge can be deleted until it completes.
            doomed.runningMerge().ifPresent(merge -> {
                throw MergeGuard.deleteRefused(caseId, merge.primaryCaseId(), merge.secondaryCaseId());
            });
            DomainConfiguration configuration = doomed.configurationVersion() == cached.version() ? cached
                    : configurations.offer(doomed.configuration().get());
            return CaseChange.deletionEvent(configuration, doomed.aCase(), context.ids().newId(),
                    context.arns().region(), context.arns().domain(accountId, domainId), arn,
                    command.caller().principalArn(), now()).orElse(null);
        });
        if (outcome instanceof CaseStore.Deletion.Deleted deleted) {
            indexing.caseRemoved(domainId, caseId, deleted.feedPosition());
        } else if (outcome instanceof CaseStore.Deletion.DomainGone) {
            configurations.evict(domainId);
            throw new DomainException.NotFound("Domain", domainId);
        } else {
            throw new DomainException.NotFound("Case", caseId);
        }
    }

    /** The case's audit history, oldest first; an event's key is its position (events are only appended). */
    public Page<AuditEvent> getCaseAuditEvents(GetCaseAuditEvents command) {
        String domainId = command.domainId();
        String caseId = command.caseId();
        String scope = "GetCaseAuditEvents/" + domainId + "/" + caseId;
        int size = command.page().sizeOr(AUDIT_PAGE);
        int from = 0;
        DomainException badToken = null;
        if (command.page().nextToken() != null) {
            try {
                from = position(Pagination.continueAfter(scope, command.page().nextToken())) + 1;
            } catch (DomainException.Invalid invalid) {
                // Reported after the domain and case checks, as a missing domain or case is the first thing wrong.
                badToken = invalid;
            }
        }
        var read = store.auditEvents(command.caller().accountId(), domainId, caseId, from,
                        badToken == null ? size + 1 : 0)
                .orElseThrow(() -> new DomainException.NotFound("Domain", domainId));
        if (!read.caseExists()) {
            throw new DomainException.NotFound("Case", caseId);
        }
        if (badToken != null) {
            throw badToken;
        }
        List<AuditEvent> events = read.events();
        if (events.size() <= size) {
            return new Page<>(events, null);
        }
        return new Page<>(events.subList(0, size), Pagination.token(scope, String.valueOf(from + size - 1)));
    }

    private String caseArn(CasesDomain domain, String caseId) {
        return context.arns().caseArn(domain.accountId(), domain.domainId(), caseId);
    }

    private Instant now() {
        // Stored and shown with millisecond precision, like the rest of the case's date-time values.
        return context.clock().now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The friendly 8-digit number; derived from the case id, so, as AWS says, not guaranteed unique. */
    static String referenceNumber(String caseId) {
        return CaseChange.referenceNumber(caseId);
    }

    /** What makes two CreateCase requests "the same" for clientToken purposes. */
    private static String fingerprint(CreateCase command) {
        var fieldValues = new TreeMap<String, String>();
        command.fields().forEach(w -> fieldValues.put(w.fieldId(), String.valueOf(w.value())));
        return command.templateId() + "|" + fieldValues + "|" + command.performedBy() + "|"
                + (command.tags() == null ? "{}" : new TreeMap<>(command.tags()));
    }

    private static int position(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("nextToken is invalid or belongs to another request.");
        }
    }
}
