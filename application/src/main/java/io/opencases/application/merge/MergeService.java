package io.opencases.application.merge;

import io.opencases.application.Caller;
import io.opencases.application.UseCaseContext;
import io.opencases.application.event.CaseEventRecorder;
import io.opencases.application.merge.MergeCommands.GetMergeCasesStatus;
import io.opencases.application.merge.MergeCommands.MergeCasesStatus;
import io.opencases.application.merge.MergeCommands.MergeStarted;
import io.opencases.application.merge.MergeCommands.StartMergeCases;
import io.opencases.application.port.MergeStore;
import io.opencases.application.port.MergeStore.MergeOutcome;
import io.opencases.application.port.MergeStore.RemovedItem;
import io.opencases.application.search.CaseIndexing;
import io.opencases.domain.DomainException;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.cases.Case;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.event.CaseEvent;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.merge.CaseMerge;
import io.opencases.domain.merge.MergeJob;
import io.opencases.domain.merge.MergeStatus;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemType;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * StartMergeCases and GetMergeCasesStatus, and the merge job itself. Starting checks everything and records the
 * job; the job runs later (MergeJobRunner) as one unit of work that applies the whole merge and marks the job
 * completed, so it happens exactly once however often it is attempted, and not at all until it commits.
 */
public final class MergeService {
    /** Types of related items a merge can move (RelatedItemsConfiguration has no file or SLA member). */
    public static final List<RelatedItemType> MOVABLE = List.of(RelatedItemType.Comment, RelatedItemType.Contact,
            RelatedItemType.ConnectCase, RelatedItemType.Custom);

    private final MergeStore store;
    private final CaseEventRecorder events;
    private final CaseIndexing indexing;
    private final UseCaseContext context;
    private final MergeWakeup wakeup;

    public MergeService(MergeStore store, CaseEventRecorder events, CaseIndexing indexing, UseCaseContext context,
                        MergeWakeup wakeup) {
        this.store = store;
        this.events = events;
        this.indexing = indexing;
        this.context = context;
        this.wakeup = wakeup;
    }

    public MergeStarted startMergeCases(StartMergeCases command) {
        return context.unitOfWork().write(() -> {
            CasesDomain domain = requireDomain(command.caller(), command.domainId());
            String domainId = domain.domainId();
            Case primary = requireCase(domainId, command.primaryCaseId());
            Case secondary = requireCase(domainId, command.secondaryCaseId());
            for (Case aCase : List.of(primary, secondary)) {
                store.runningFor(domainId, aCase.caseId()).ifPresent(j -> {
                    throw new DomainException.Conflict("Case " + aCase.caseId() + " is already part of a running "
                            + "merge (" + j.primaryCaseId() + " <- " + j.secondaryCaseId() + ").");
                });
            }
            for (Case aCase : List.of(primary, secondary)) {
                if (store.mergedAway(domainId, aCase.caseId()).isPresent()) {
                    throw DomainException.invalid("%s: case %s was merged into another case and cannot be merged "
                            + "again.", aCase == primary ? "caseId" : "secondaryCaseId", aCase.caseId());
                }
            }
            List<String> fieldIds = List.of();
            if (command.fields() != null) {
                if (!command.fields().sourceCaseId().equals(secondary.caseId())) {
                    throw DomainException.invalid("fieldsConfiguration.sourceCaseId: must be the secondary case %s.",
                            secondary.caseId());
                }
                fieldIds = command.fields().fieldIds();
            }
            Map<String, Field> definitions = store.fields(domainId, new TreeSet<>(fieldIds)).stream()
                    .collect(Collectors.toMap(Field::fieldId, Function.identity()));
            CaseMerge.check(primary, secondary, fieldIds, definitions);
            checkItemQuota(domainId, primary, secondary, command.relatedItemTypes());
            var job = new MergeJob(domain.accountId(), domainId, context.ids().newId(), primary.caseId(),
                    secondary.caseId(), fieldIds, command.relatedItemTypes(), MergeStatus.IN_PROGRESS,
                    command.caller().principalArn(), now(), null);
            store.start(job);
            context.unitOfWork().afterCommit(wakeup::signal);
            return new MergeStarted(job.mergeId());
        });
    }

    /**
     * IN_PROGRESS for either case of a running merge, COMPLETED for a case merged away; any other case, the
     * primary of a finished merge included, has no merge status (ResourceNotFoundException), as AWS documents.
     */
    public MergeCasesStatus getMergeCasesStatus(GetMergeCasesStatus command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = requireDomain(command.caller(), command.domainId());
            Optional<MergeJob> job = store.runningFor(domain.domainId(), command.caseId())
                    .or(() -> store.mergedAway(domain.domainId(), command.caseId()));
            MergeJob found = job.orElseThrow(() -> new DomainException.NotFound("MergeCasesStatus",
                    command.caseId()));
            return new MergeCasesStatus(found.primaryCaseId(), List.of(found.secondaryCaseId()), found.status());
        });
    }

    /** Runs up to {@code limit} running merges, the longest-running first; returns how many it completed. */
    public int runPending(int limit) {
        List<MergeJob> running = context.unitOfWork().read(() -> store.running(limit));
        int completed = 0;
        RuntimeException failure = null;
        for (MergeJob job : running) {
            try {
                if (run(job.domainId(), job.mergeId())) {
                    completed++;
                }
            } catch (RuntimeException e) {
                // One merge that cannot run now must not hold back the others; it stays running and is retried.
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return completed;
    }

    /** Applies one merge and marks it completed, in one unit of work; false if it was no longer running. */
    boolean run(String domainId, String mergeId) {
        return context.unitOfWork().write(() -> {
            MergeJob job = store.job(domainId, mergeId).filter(MergeJob::running).orElse(null);
            if (job == null) {
                return false;
            }
            Instant now = now();
            Optional<CasesDomain> domain = store.domain(job.accountId(), domainId);
            Optional<Case> primary = store.findCase(domainId, job.primaryCaseId());
            Optional<Case> secondary = store.findCase(domainId, job.secondaryCaseId());
            if (domain.isPresent() && primary.isPresent() && secondary.isPresent()) {
                apply(domain.get(), job, primary.get(), secondary.get(), now);
            } else {
                // A domain deleted meanwhile took both cases with it: the merge has nothing left to do.
                store.store(MergeOutcome.nothingLeft(job.completed(now)));
            }
            return true;
        });
    }

    /**
     * Works out the merge from the cases and items as they are now, stores its whole outcome with the job's
     * completion in one call, then indexes the cases. Case events are recorded in the order the service always
     * recorded them: the removals as they are decided, then the cases, the moves and the new links.
     */
    private void apply(CasesDomain domain, MergeJob job, Case primary, Case secondary, Instant now) {
        String domainId = domain.domainId();
        String principal = job.principalArn();
        var metadata = new AuditEvent.MergeMetadata(job.mergeId(), primary.caseId(), secondary.caseId());
        CaseMerge.Plan plan = CaseMerge.plan(job, primary, secondary, store.items(domainId, primary.caseId()),
                store.items(domainId, secondary.caseId()), DateTimeFormatter.ISO_INSTANT.format(now));
        Case mergedPrimary = primary.withValues(plan.primaryValues());
        Case closedSecondary = secondary.withValues(plan.secondaryValues());

        var removed = new ArrayList<RemovedItem>();
        var saved = new ArrayList<RelatedItem>();
        var tagsAdded = new LinkedHashMap<String, Map<String, String>>();
        var audit = new ArrayList<AuditEvent>();
        for (CaseMerge.Move move : plan.moves()) {
            String from = itemArn(domain, move.from());
            removed.add(new RemovedItem(move.from(), from));
            saved.add(move.to());
            Map<String, String> itemTags = store.tags(from);
            if (!itemTags.isEmpty()) {
                tagsAdded.computeIfAbsent(itemArn(domain, move.to()), k -> new LinkedHashMap<>()).putAll(itemTags);
            }
            audit.add(itemAudit(move.from(), AuditEventType.RELATED_ITEM_DELETED, principal, now, metadata));
            audit.add(itemAudit(move.to(), AuditEventType.RELATED_ITEM_CREATED, principal, now, metadata));
        }
        for (CaseMerge.ContactDuplicate duplicate : plan.contactDuplicates()) {
            String from = itemArn(domain, duplicate.secondaryItem());
            String to = itemArn(domain, duplicate.primaryItem());
            // Two secondary items can share one primary contact: what an earlier one added counts as kept.
            var kept = new HashMap<>(store.tags(to));
            kept.putAll(tagsAdded.getOrDefault(to, Map.of()));
            var gained = new LinkedHashMap<String, String>();
            store.tags(from).forEach((k, v) -> {
                if (!kept.containsKey(k)) {
                    gained.put(k, v);
                }
            });
            if (!gained.isEmpty()) {
                tagsAdded.computeIfAbsent(to, k -> new LinkedHashMap<>()).putAll(gained);
            }
            remove(domain, duplicate.secondaryItem(), from, owner(duplicate.secondaryItem(), mergedPrimary,
                    closedSecondary), principal, now, metadata, removed, audit);
        }
        for (RelatedItem link : plan.dropped()) {
            remove(domain, link, itemArn(domain, link), owner(link, mergedPrimary, closedSecondary), principal, now,
                    metadata, removed, audit);
        }
        var created = new ArrayList<RelatedItem>();
        if (plan.linkPrimary()) {
            created.add(link(domainId, primary.caseId(), secondary.caseId(), now));
        }
        if (plan.linkSecondary()) {
            created.add(link(domainId, secondary.caseId(), primary.caseId(), now));
        }
        for (RelatedItem item : created) {
            saved.add(item);
            audit.add(itemAudit(item, AuditEventType.RELATED_ITEM_CREATED, principal, now, metadata));
        }
        audit.add(caseAudit(primary, mergedPrimary, principal, now, metadata));
        audit.add(caseAudit(secondary, closedSecondary, principal, now, metadata));
        store.store(new MergeOutcome(List.of(mergedPrimary, closedSecondary), removed, saved, tagsAdded, audit,
                job.completed(now)));

        indexing.caseChanged(domain.accountId(), mergedPrimary);
        indexing.caseChanged(domain.accountId(), closedSecondary);

        // Case events in the shape of the others: the cases changed, items left one case and joined another.
        events.caseChanged(domain, CaseEvent.CASE_UPDATED, mergedPrimary,
                changedIds(primary.values(), mergedPrimary.values()), null, principal, now);
        events.caseChanged(domain, CaseEvent.CASE_UPDATED, closedSecondary,
                changedIds(secondary.values(), closedSecondary.values()), null, principal, now);
        for (CaseMerge.Move move : plan.moves()) {
            events.relatedItemChanged(domain, CaseEvent.RELATED_ITEM_DELETED, closedSecondary, move.from(),
                    List.of(), null, principal, now);
            events.relatedItemChanged(domain, CaseEvent.RELATED_ITEM_CREATED, mergedPrimary, move.to(), List.of(),
                    null, principal, now);
        }
        for (RelatedItem item : created) {
            events.relatedItemChanged(domain, CaseEvent.RELATED_ITEM_CREATED,
                    owner(item, mergedPrimary, closedSecondary), item, List.of(), null, principal, now);
        }
    }

    private void remove(CasesDomain domain, RelatedItem item, String arn, Case owner, String principal, Instant now,
                        AuditEvent.MergeMetadata metadata, List<RemovedItem> removed, List<AuditEvent> audit) {
        removed.add(new RemovedItem(item, arn));
        audit.add(itemAudit(item, AuditEventType.RELATED_ITEM_DELETED, principal, now, metadata));
        events.relatedItemChanged(domain, CaseEvent.RELATED_ITEM_DELETED, owner, item, List.of(), null, principal,
                now);
    }

    /** The case an item of the merge is on, as the merge leaves it. */
    private static Case owner(RelatedItem item, Case mergedPrimary, Case closedSecondary) {
        return item.caseId().equals(mergedPrimary.caseId()) ? mergedPrimary : closedSecondary;
    }

    private RelatedItem link(String domainId, String fromCaseId, String toCaseId, Instant now) {
        return new RelatedItem(domainId, fromCaseId, context.ids().newId(),
                new RelatedItemContent.ConnectCase(toCaseId), now, null, null);
    }

    private void checkItemQuota(String domainId, Case primary, Case secondary, List<RelatedItemType> types) {
        long moving = store.items(domainId, secondary.caseId()).stream()
                .filter(i -> types.contains(i.type())).count();
        long after = store.items(domainId, primary.caseId()).size() + moving + 1;
        int quota = context.quotas().relatedItemsPerCase();
        if (after > quota) {
            throw new DomainException.QuotaExceeded("After the merge the primary case would have " + after
                    + " related items; a case can have at most " + quota + ".");
        }
    }

    /** The Case.Merged event of one case: its field changes, with the merge's metadata. */
    private AuditEvent caseAudit(Case before, Case after, String principal, Instant now,
                           AuditEvent.MergeMetadata metadata) {
        var changes = new ArrayList<AuditEvent.Change>();
        for (String id : changedIds(before.values(), after.values())) {
            FieldValue neu = after.values().get(id);
            changes.add(new AuditEvent.Change(id, before.values().get(id), neu == null ? FieldValue.EMPTY : neu));
        }
        return new AuditEvent(context.ids().newId(), after.domainId(), after.caseId(),
                AuditEventType.CASE_MERGED, null, now, changes, null, principal, metadata);
    }

    /** Related-item events name the item, as RelatedItemService's do. */
    private AuditEvent itemAudit(RelatedItem item, AuditEventType type, String principal, Instant now,
                           AuditEvent.MergeMetadata metadata) {
        FieldValue id = new FieldValue.StringValue(item.relatedItemId());
        var change = new AuditEvent.Change("relatedItemId", type == AuditEventType.RELATED_ITEM_CREATED ? null : id,
                type == AuditEventType.RELATED_ITEM_DELETED ? FieldValue.EMPTY : id);
        return new AuditEvent(context.ids().newId(), item.domainId(), item.caseId(), type,
                item.type().name(), now, List.of(change), null, principal, metadata);
    }

    private static List<String> changedIds(Map<String, FieldValue> before, Map<String, FieldValue> after) {
        var ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        return ids.stream().filter(id -> !Objects.equals(before.get(id), after.get(id))).toList();
    }

    private CasesDomain requireDomain(Caller caller, String domainId) {
        return store.domain(caller.accountId(), domainId)
                .orElseThrow(() -> new DomainException.NotFound("Domain", domainId));
    }

    private Case requireCase(String domainId, String caseId) {
        return store.findCase(domainId, caseId).orElseThrow(() -> new DomainException.NotFound("Case", caseId));
    }

    private String itemArn(CasesDomain domain, RelatedItem item) {
        return context.arns().relatedItem(domain.accountId(), domain.domainId(), item.caseId(), item.relatedItemId());
    }

    private Instant now() {
        return context.clock().now().truncatedTo(ChronoUnit.MILLIS);
    }
}
