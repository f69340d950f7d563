package io.opencases.application.batch;

import io.opencases.application.DomainAccess;
import io.opencases.application.UseCaseContext;
import io.opencases.application.batch.BatchCommands.BatchCreateRelatedItem;
import io.opencases.application.batch.BatchCommands.BatchCreateRelatedItemResult;
import io.opencases.application.batch.BatchCommands.BatchFailure;
import io.opencases.application.batch.BatchCommands.BatchUpdateCase;
import io.opencases.application.batch.BatchCommands.BatchUpdateCaseResult;
import io.opencases.application.batch.BatchCommands.ByCaseId;
import io.opencases.application.batch.BatchCommands.ByReferenceId;
import io.opencases.application.batch.BatchCommands.CaseIdentifier;
import io.opencases.application.batch.BatchCommands.CaseRef;
import io.opencases.application.batch.BatchCommands.CreatedItem;
import io.opencases.application.batch.BatchCommands.FieldById;
import io.opencases.application.batch.BatchCommands.FieldByName;
import io.opencases.application.batch.BatchCommands.FieldValueInput;
import io.opencases.application.cases.CaseCommands.FieldWrite;
import io.opencases.application.cases.CaseCommands.UpdateCase;
import io.opencases.application.port.BatchReceipts;
import io.opencases.application.port.BatchReceipts.Entry;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.relateditem.RelatedItemCommands.CreateRelatedItem;
import io.opencases.application.relateditem.RelatedItemCommands.NewComment;
import io.opencases.application.relateditem.RelatedItemCommands.RelatedItemCreated;
import io.opencases.domain.DomainException;
import io.opencases.domain.cases.CaseReference;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import io.opencases.domain.relateditem.RelatedItemType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * BatchUpdateCase and BatchCreateRelatedItem. A request is checked as a whole first (domain, reference IDs,
 * duplicates, fields, content): a failure there rejects it and changes nothing. Then each case is changed in a unit
 * of work of its own by the single-case use case itself (UpdateCase, CreateRelatedItem), so every rule, system
 * field, audit event, case event and index update is exactly theirs; a case that fails is reported with its code
 * and the others go on.
 */
public final class BatchCaseService {
    /** How long a batch client token is remembered (as CreateCase's). */
    static final Duration CLIENT_TOKEN_RETENTION = Duration.ofHours(24);
    static final String BATCH_UPDATE_CASE = "BatchUpdateCase";
    static final String BATCH_CREATE_RELATED_ITEM = "BatchCreateRelatedItem";
    /** Characters a field name given to BatchUpdateCase may not contain (AWS documents the whole request failing). */
    private static final String FORBIDDEN_NAME_CHARACTERS = "|,";
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of(SystemFields.TITLE, SystemFields.STATUS,
            SystemFields.CUSTOMER_ID);

    /** The single-case UpdateCase use case (CaseService::updateCase). */
    @FunctionalInterface
    public interface CaseUpdates {
        void updateCase(UpdateCase command);
    }

    /** The single-case CreateRelatedItem use case (RelatedItemService::createRelatedItem). */
    @FunctionalInterface
    public interface RelatedItemCreation {
        RelatedItemCreated createRelatedItem(CreateRelatedItem command);
    }

    private final FieldRepository fields;
    private final CaseRepository cases;
    private final BatchReceipts receipts;
    private final CaseUpdates updates;
    private final RelatedItemCreation creation;
    private final DomainAccess access;
    private final UseCaseContext context;

    public BatchCaseService(DomainRepository domains, FieldRepository fields, CaseRepository cases,
                            BatchReceipts receipts, CaseUpdates updates, RelatedItemCreation creation,
                            UseCaseContext context) {
        this.fields = fields;
        this.cases = cases;
        this.receipts = receipts;
        this.updates = updates;
        this.creation = creation;
        this.access = new DomainAccess(domains, fields);
        this.context = context;
    }

    public BatchUpdateCaseResult batchUpdateCase(BatchUpdateCase command) {
        record Plan(CasesDomain domain, List<String> caseIds, List<FieldWrite> writes) {
        }
        Plan plan = context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            List<String> caseIds = resolveCases(domain, command.cases());
            if (command.fields().isEmpty() && command.title() == null && command.status() == null
                    && command.customerId() == null) {
                throw DomainException.invalid("fields: give at least one field, title, status or customerId to "
                        + "update.");
            }
            return new Plan(domain, caseIds, writes(domain, command));
        });
        String fingerprint = BATCH_UPDATE_CASE + "|" + plan.caseIds() + "|" + plan.writes() + "|"
                + command.performedBy();
        List<Entry> entries = run(plan.domain(), BATCH_UPDATE_CASE, command.clientToken(), fingerprint,
                plan.caseIds(), (position, caseId) -> {
                    updates.updateCase(new UpdateCase(command.caller(), plan.domain().domainId(), caseId,
                            plan.writes(), command.performedBy()));
                    return new Entry(position, caseId, null, null, null);
                });
        var successful = new ArrayList<CaseIdentifier>();
        var failed = new ArrayList<BatchFailure>();
        for (Entry entry : entries) {
            if (entry.errorCode() == null) {
                successful.add(identifier(entry.caseId()));
            } else {
                failed.add(failure(entry));
            }
        }
        return new BatchUpdateCaseResult(successful, failed);
    }

    public BatchCreateRelatedItemResult batchCreateRelatedItem(BatchCreateRelatedItem command) {
        if (!(command.content() instanceof NewComment comment)) {
            throw DomainException.invalid("content: only comment content can be created on several cases at once.");
        }
        record Plan(CasesDomain domain, List<String> caseIds) {
        }
        Plan plan = context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            return new Plan(domain, resolveCases(domain, command.cases()));
        });
        String fingerprint = BATCH_CREATE_RELATED_ITEM + "|" + plan.caseIds() + "|" + comment + "|"
                + command.performedBy();
        List<Entry> entries = run(plan.domain(), BATCH_CREATE_RELATED_ITEM, command.clientToken(), fingerprint,
                plan.caseIds(), (position, caseId) -> {
                    RelatedItemCreated created = creation.createRelatedItem(new CreateRelatedItem(command.caller(),
                            plan.domain().domainId(), caseId, RelatedItemType.Comment, comment,
                            command.performedBy()));
                    return new Entry(position, caseId, created.relatedItemId(), null, null);
                });
        var successful = new ArrayList<CreatedItem>();
        var failed = new ArrayList<BatchFailure>();
        CasesDomain domain = plan.domain();
        for (Entry entry : entries) {
            if (entry.errorCode() == null) {
                successful.add(new CreatedItem(identifier(entry.caseId()), entry.relatedItemId(),
                        context.arns().relatedItem(domain.accountId(), domain.domainId(), entry.caseId(),
                                entry.relatedItemId())));
            } else {
                failed.add(failure(entry));
            }
        }
        return new BatchCreateRelatedItemResult(successful, failed);
    }

    @FunctionalInterface
    private interface PerCase {
        Entry apply(int position, String caseId);
    }

    /**
     * Changes each case in its own unit of work and returns every case's entry in request order. With a client
     * token the entry commits with the change, and a retry (even after a crash part-way) replays the recorded
     * entries and does only the cases not done yet.
     */
    private List<Entry> run(CasesDomain domain, String operation, String clientToken, String fingerprint,
                            List<String> caseIds, PerCase perCase) {
        String token = clientToken == null || clientToken.isEmpty() ? null : clientToken;
        String domainId = domain.domainId();
        if (token != null) {
            context.unitOfWork().write(() -> {
                Instant now = context.clock().now().truncatedTo(ChronoUnit.MILLIS);
                Optional<BatchReceipts.Receipt> previous = receipts.find(domainId, operation, token)
                        .filter(r -> r.createdTime().plus(CLIENT_TOKEN_RETENTION).isAfter(now));
                if (previous.isPresent() && !previous.get().fingerprint().equals(fingerprint)) {
                    throw new DomainException.Conflict("clientToken " + token + " was already used for a "
                            + "different " + operation + " request.");
                }
                if (previous.isEmpty()) {
                    receipts.open(new BatchReceipts.Receipt(domainId, operation, token, fingerprint, now));
                }
            });
        }
        var entries = new ArrayList<Entry>(caseIds.size());
        for (int position = 0; position < caseIds.size(); position++) {
            int at = position;
            String caseId = caseIds.get(position);
            Entry entry;
            try {
                entry = context.unitOfWork().write(() -> {
                    if (token != null) {
                        Optional<Entry> done = receipts.entry(domainId, operation, token, at);
                        if (done.isPresent()) {
                            return done.get();
                        }
                    }
                    Entry applied = perCase.apply(at, caseId);
                    if (token != null) {
                        receipts.record(domainId, operation, token, applied);
                    }
                    return applied;
                });
            } catch (DomainException e) {
                Entry failedEntry = new Entry(at, caseId, null, errorCode(e), e.getMessage());
                entry = token == null ? failedEntry : context.unitOfWork().write(() -> {
                    Optional<Entry> done = receipts.entry(domainId, operation, token, at);
                    if (done.isPresent()) {
                        return done.get();
                    }
                    receipts.record(domainId, operation, token, failedEntry);
                    return failedEntry;
                });
            }
            entries.add(entry);
        }
        return entries;
    }

    /** The documented failedCases / failedItems codes. */
    static String errorCode(DomainException e) {
        if (e instanceof DomainException.NotFound notFound) {
            return "Domain".equals(notFound.resourceType()) ? "DOMAIN_NOT_FOUND"
                    : "Case".equals(notFound.resourceType()) ? "CASE_NOT_FOUND" : "VALIDATION_ERROR";
        }
        if (e instanceof DomainException.Conflict) {
            return "CONFLICT";
        }
        if (e instanceof DomainException.QuotaExceeded) {
            return "SERVICE_QUOTA_EXCEEDED";
        }
        return "VALIDATION_ERROR";
    }

    /**
     * Case IDs in request order. A case ID is taken as given (one that does not exist fails on its own, as
     * CASE_NOT_FOUND); a reference ID that matches no case of the domain fails the whole request, as AWS documents,
     * and so does naming one case twice.
     */
    private List<String> resolveCases(CasesDomain domain, List<CaseRef> refs) {
        var caseIds = new ArrayList<String>(refs.size());
        var seen = new HashSet<String>();
        var repeated = new TreeSet<String>();
        for (CaseRef ref : refs) {
            String caseId;
            if (ref instanceof ByReferenceId byReference) {
                caseId = CaseReference.caseIdOf(byReference.referenceId())
                        .filter(id -> cases.find(domain.domainId(), id).isPresent())
                        .orElseThrow(() -> new DomainException.NotFound("Case", byReference.referenceId()));
            } else {
                caseId = ((ByCaseId) ref).caseId();
            }
            if (!seen.add(caseId)) {
                repeated.add(caseId);
            }
            caseIds.add(caseId);
        }
        if (!repeated.isEmpty()) {
            throw DomainException.invalid("cases: each case may be given once; repeated: %s",
                    String.join(", ", repeated));
        }
        return caseIds;
    }

    /** The request's field values as UpdateCase writes: by-name fields resolved, title/status/customer added. */
    private List<FieldWrite> writes(CasesDomain domain, BatchUpdateCase command) {
        var writes = new ArrayList<FieldWrite>();
        for (int i = 0; i < command.fields().size(); i++) {
            FieldValueInput input = command.fields().get(i);
            String member = "fields." + (i + 1) + ".member.fieldIdentifier";
            Field field;
            if (input.field() instanceof FieldByName byName) {
                String name = byName.name();
                if (name.chars().anyMatch(c -> FORBIDDEN_NAME_CHARACTERS.indexOf(c) >= 0)) {
                    throw DomainException.invalid("%s.name: a field name may not contain '|' or ','.", member);
                }
                field = fields.findLiveByName(domain.domainId(), name).orElseThrow(() ->
                        DomainException.invalid("%s.name: no field of this domain is named %s.", member, name));
            } else {
                String id = ((FieldById) input.field()).fieldId();
                field = fields.find(domain.domainId(), id).orElseThrow(() ->
                        DomainException.invalid("%s.id: field %s does not exist in this domain.", member, id));
            }
            if (TOP_LEVEL_FIELDS.contains(field.fieldId())) {
                throw DomainException.invalid("%s: %s is set with the request's own title, status or customerId "
                        + "member, not in fields.", member, field.fieldId());
            }
            writes.add(new FieldWrite(field.fieldId(), input.value()));
        }
        addTopLevel(writes, SystemFields.TITLE, command.title());
        addTopLevel(writes, SystemFields.STATUS, command.status());
        addTopLevel(writes, SystemFields.CUSTOMER_ID, command.customerId());
        return List.copyOf(writes);
    }

    private static void addTopLevel(List<FieldWrite> writes, String fieldId, String value) {
        if (value != null) {
            writes.add(new FieldWrite(fieldId, new FieldValue.StringValue(value)));
        }
    }

    private static CaseIdentifier identifier(String caseId) {
        return new CaseIdentifier(caseId, CaseReference.of(caseId).orElse(null));
    }

    private static BatchFailure failure(Entry entry) {
        // A case that does not exist has no reference ID to report.
        CaseIdentifier identifier = "CASE_NOT_FOUND".equals(entry.errorCode())
                ? new CaseIdentifier(entry.caseId(), null) : identifier(entry.caseId());
        return new BatchFailure(identifier, entry.errorCode(), entry.errorMessage());
    }
}
