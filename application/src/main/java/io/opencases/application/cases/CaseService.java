package io.opencases.application.cases;

import io.opencases.application.DomainAccess;
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
import io.opencases.application.event.CaseEventRecorder;
import io.opencases.application.merge.MergeGuard;
import io.opencases.application.port.AuditLog;
import io.opencases.application.search.CaseIndexing;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseFieldPolicy;
import io.opencases.domain.cases.CaseReference;
import io.opencases.domain.cases.CaseRulePolicy;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.event.CaseEvent;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import io.opencases.domain.template.TagPropagation;
import io.opencases.domain.template.Template;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Cases: CreateCase, GetCase, UpdateCase, DeleteCase and GetCaseAuditEvents. */
public final class CaseService {
    /** GetCaseAuditEvents pages hold at most 25 events (the model's maximum and documented default). */
    private static final int AUDIT_PAGE = 25;
    /** How long a CreateCase client token is remembered (AWS-wide convention: at least 8 hours). */
    static final Duration CLIENT_TOKEN_RETENTION = Duration.ofHours(24);
    private static final String CLOSED = "closed";

    private final FieldRepository fields;
    private final TemplateRepository templates;
    private final CaseRuleRepository caseRules;
    private final CaseRepository cases;
    private final AuditLog auditLog;
    private final RelatedItemRepository relatedItems;
    private final TagRepository tags;
    private final DomainAccess access;
    private final CaseEventRecorder events;
    private final CaseIndexing indexing;
    private final UseCaseContext context;
    private final MergeGuard merges;

    public CaseService(DomainRepository domains, FieldRepository fields, TemplateRepository templates,
                       CaseRuleRepository caseRules, CaseRepository cases, AuditLog auditLog,
                       RelatedItemRepository relatedItems, TagRepository tags, CaseEventRecorder events,
                       CaseIndexing indexing, UseCaseContext context) {
        this(domains, fields, templates, caseRules, cases, auditLog, relatedItems, tags, events, indexing, context,
                MergeGuard.NONE);
    }

    /** With the guard that refuses writes to a case being merged away (StartMergeCases). */
    public CaseService(DomainRepository domains, FieldRepository fields, TemplateRepository templates,
                       CaseRuleRepository caseRules, CaseRepository cases, AuditLog auditLog,
                       RelatedItemRepository relatedItems, TagRepository tags, CaseEventRecorder events,
                       CaseIndexing indexing, UseCaseContext context, MergeGuard merges) {
        this.merges = merges;
        this.fields = fields;
        this.templates = templates;
        this.caseRules = caseRules;
        this.cases = cases;
        this.auditLog = auditLog;
        this.relatedItems = relatedItems;
        this.tags = tags;
        this.access = new DomainAccess(domains, fields);
        this.events = events;
        this.indexing = indexing;
        this.context = context;
    }

    public CaseCreated createCase(CreateCase command) {
        return context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            String domainId = domain.domainId();
            Instant now = now();
            String token = command.clientToken() == null || command.clientToken().isEmpty() ? null
                    : command.clientToken();
            String fingerprint = fingerprint(command);
            if (token != null) {
                var previous = cases.findClientToken(domainId, token)
                        .filter(t -> t.createdTime().plus(CLIENT_TOKEN_RETENTION).isAfter(now));
                if (previous.isPresent()) {
                    if (!previous.get().requestFingerprint().equals(fingerprint)) {
                        throw new DomainException.Conflict("clientToken " + token
                                + " was already used for a different CreateCase request.");
                    }
                    String caseId = previous.get().caseId();
                    return new CaseCreated(caseId, caseArn(domain, caseId));
                }
            }
            Template template = DomainAccess.require(templates.find(domainId, command.templateId()), "Template",
                    command.templateId());
            if (!template.canCreateCases()) {
                throw DomainException.invalid("templateId: template %s is %s and cannot be used to create cases.",
                        template.templateId(), template.deleted() ? "deleted" : "inactive");
            }
            Map<String, FieldValue> values = applyWrites(domainId, Map.of(), command.fields(), template, true);
            // customer_id is required only when the template requires it (AWS's newest CreateCase documentation).
            if (!values.containsKey(SystemFields.TITLE)) {
                throw DomainException.invalid("fields: %s is required to create a case.", SystemFields.TITLE);
            }
            var live = access.liveFieldIds(domainId, template.requiredFieldIds());
            var missing = template.requiredFieldIds().stream().filter(live::contains)
                    .filter(id -> !values.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                throw DomainException.invalid("fields: template %s requires values for: %s", template.templateId(),
                        String.join(", ", missing));
            }
            CaseRulePolicy.check(values, appliedRules(template));

            String caseId = context.ids().newId();
            String stamp = timestamp(now);
            values.putIfAbsent(SystemFields.STATUS, new FieldValue.StringValue("open"));
            values.put(SystemFields.CASE_ID, new FieldValue.StringValue(caseId));
            values.put(SystemFields.REFERENCE_NUMBER, new FieldValue.StringValue(referenceNumber(caseId)));
            CaseReference.of(caseId).ifPresent(r -> values.put(SystemFields.REFERENCE_ID, new FieldValue.StringValue(r)));
            values.put(SystemFields.CREATED_DATETIME, new FieldValue.StringValue(stamp));
            stampUpdate(values, command.performedBy(), stamp);
            if (isClosed(values)) {
                values.put(SystemFields.LAST_CLOSED_DATETIME, new FieldValue.StringValue(stamp));
            }
            var aCase = new Case(domainId, caseId, template.templateId(), values, now);
            cases.save(aCase);
            if (token != null) {
                cases.saveClientToken(new CaseRepository.ClientToken(domainId, token, fingerprint, caseId, now));
            }
            String arn = caseArn(domain, caseId);
            Map<String, String> caseTags = new HashMap<>();
            template.tagPropagations().stream().filter(p -> "Cases".equals(p.resourceType()))
                    .map(TagPropagation::tagMap).forEach(caseTags::putAll);
            if (command.tags() != null) {
                caseTags.putAll(command.tags());
            }
            if (!caseTags.isEmpty()) {
                tags.put(arn, caseTags);
            }
            indexing.caseChanged(domain.accountId(), aCase);
            audit(command.caller().principalArn(), aCase, AuditEventType.CASE_CREATED, Map.of(), values,
                    command.performedBy(), now);
            events.caseChanged(domain, CaseEvent.CASE_CREATED, aCase, changedIds(Map.of(), values),
                    command.performedBy(), command.caller().principalArn(), now);
            return new CaseCreated(caseId, arn);
        });
    }

    /** The requested fields that have a value (values of deleted fields included), in request order. */
    public CaseView getCase(GetCase command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Case aCase = requireCase(domain, command.caseId());
            var result = new ArrayList<FieldWrite>();
            for (String id : new java.util.LinkedHashSet<>(command.fieldIds())) {
                FieldValue value = aCase.values().get(id);
                if (value != null) {
                    result.add(new FieldWrite(id, value));
                }
            }
            return new CaseView(aCase.templateId(), result, tags.tags(caseArn(domain, aCase.caseId())));
        });
    }

    /** Changes only the given fields; emptyValue clears one. */
    public void updateCase(UpdateCase command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Case aCase = requireCase(domain, command.caseId());
            merges.checkWritable(domain.domainId(), aCase.caseId());
            Template template = templates.find(domain.domainId(), aCase.templateId()).orElse(null);
            Map<String, FieldValue> before = aCase.values();
            Map<String, FieldValue> values = applyWrites(domain.domainId(), before, command.fields(), template,
                    false);
            // customer_id can be added, changed or removed after creation unless the template requires it.
            if (!values.containsKey(SystemFields.TITLE)) {
                throw DomainException.invalid("fields: %s cannot be cleared.", SystemFields.TITLE);
            }
            if (template != null) {
                var cleared = command.fields().stream()
                        .filter(w -> w.value() instanceof FieldValue.Empty)
                        .map(FieldWrite::fieldId)
                        .filter(template.requiredFieldIds()::contains).toList();
                if (!cleared.isEmpty()) {
                    throw DomainException.invalid("fields: %s are required by template %s and cannot be cleared.",
                            String.join(", ", cleared), template.templateId());
                }
                CaseRulePolicy.check(values, appliedRules(template));
            }
            Instant now = now();
            String stamp = timestamp(now);
            boolean wasClosed = isClosed(before);
            boolean closed = isClosed(values);
            if (closed && !wasClosed) {
                values.put(SystemFields.LAST_CLOSED_DATETIME, new FieldValue.StringValue(stamp));
            } else if (wasClosed && !closed) {
                values.put(SystemFields.LAST_REOPENED_DATETIME, new FieldValue.StringValue(stamp));
            }
            stampUpdate(values, command.performedBy(), stamp);
            CaseSlas.refresh(relatedItems, domain.domainId(), aCase.caseId(), values, now);
            Case updated = aCase.withValues(values);
            cases.save(updated);
            indexing.caseChanged(domain.accountId(), updated);
            audit(command.caller().principalArn(), updated, AuditEventType.CASE_UPDATED, before, values,
                    command.performedBy(), now);
            events.caseChanged(domain, CaseEvent.CASE_UPDATED, updated, changedIds(before, values),
                    command.performedBy(), command.caller().principalArn(), now);
        });
    }

    /** Removes the case with its related items, audit history and tags; this cannot be undone. */
    public void deleteCase(DeleteCase command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Case aCase = requireCase(domain, command.caseId());
            merges.checkDeletable(domain.domainId(), aCase.caseId());
            cases.delete(domain.domainId(), aCase.caseId());
            auditLog.deleteCase(domain.domainId(), aCase.caseId());
            relatedItems.deleteCase(domain.domainId(), aCase.caseId());
            indexing.caseDeleted(domain.domainId(), aCase.caseId());
            tags.deleteTree(caseArn(domain, aCase.caseId()));
            events.caseChanged(domain, CaseEvent.CASE_DELETED, aCase, List.of(), null,
                    command.caller().principalArn(), now());
        });
    }

    /** The case's audit history, oldest first. */
    public Page<AuditEvent> getCaseAuditEvents(GetCaseAuditEvents command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Case aCase = requireCase(domain, command.caseId());
            String scope = "GetCaseAuditEvents/" + domain.domainId() + "/" + aCase.caseId();
            // An event's key is its position: events are only ever appended, never removed one by one.
            Page<Positioned> page = Pagination.page(scope, command.page(), AUDIT_PAGE, (after, limit) -> {
                int from = after == null ? 0 : position(after) + 1;
                var events = auditLog.events(domain.domainId(), aCase.caseId(), from, limit);
                return java.util.stream.IntStream.range(0, events.size())
                        .mapToObj(i -> new Positioned(from + i, events.get(i))).toList();
            }, p -> String.valueOf(p.position()));
            return new Page<>(page.items().stream().map(Positioned::event).toList(), page.nextToken());
        });
    }

    private record Positioned(int position, AuditEvent event) {
    }

    /**
     * Validates the writes against the field definitions and returns the resulting values (a mutable copy). On
     * creation there is no current value; a write of emptyValue removes the field's value.
     */
    private Map<String, FieldValue> applyWrites(String domainId, Map<String, FieldValue> current,
                                                List<FieldWrite> writes, Template template, boolean creating) {
        var ids = new HashSet<String>();
        var duplicates = new TreeSet<String>();
        writes.forEach(w -> {
            if (!ids.add(w.fieldId())) {
                duplicates.add(w.fieldId());
            }
        });
        if (!duplicates.isEmpty()) {
            throw DomainException.invalid("fields: each field may be given once; repeated: %s",
                    String.join(", ", duplicates));
        }
        Map<String, Field> definitions = fields.findAll(domainId, ids).stream()
                .collect(Collectors.toMap(Field::fieldId, Function.identity()));
        var unknown = new TreeSet<>(ids);
        unknown.removeAll(definitions.keySet());
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("fields: these fields do not exist: %s", String.join(", ", unknown));
        }
        if (creating) {
            var deleted = definitions.values().stream().filter(Field::deleted).map(Field::fieldId).sorted().toList();
            if (!deleted.isEmpty()) {
                throw DomainException.invalid("fields: these fields are deleted: %s", String.join(", ", deleted));
            }
        }
        var values = new LinkedHashMap<>(current);
        for (FieldWrite write : writes) {
            Field field = definitions.get(write.fieldId());
            List<FieldOption> options = field.type() == FieldType.SingleSelect
                    ? fields.options(domainId, field.fieldId()) : List.of();
            CaseFieldPolicy.checkWrite(field, write.value(), current.get(field.fieldId()), options);
            if (write.value() instanceof FieldValue.Empty) {
                values.remove(field.fieldId());
            } else {
                values.put(field.fieldId(), write.value());
            }
        }
        return values;
    }

    private List<CaseRulePolicy.AppliedRule> appliedRules(Template template) {
        var rules = new ArrayList<CaseRulePolicy.AppliedRule>();
        for (var templateRule : template.rules()) {
            caseRules.find(template.domainId(), templateRule.caseRuleId()).filter(r -> !r.deleted())
                    .ifPresent(r -> rules.add(new CaseRulePolicy.AppliedRule(r.caseRuleId(), templateRule.fieldId(),
                            r.details())));
        }
        return rules;
    }

    /** Ids of the fields whose value differs, in id order. */
    private static List<String> changedIds(Map<String, FieldValue> before, Map<String, FieldValue> after) {
        var ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        return ids.stream().filter(id -> !java.util.Objects.equals(before.get(id), after.get(id))).toList();
    }

    private void audit(String principalArn, Case aCase, AuditEventType type, Map<String, FieldValue> before,
                       Map<String, FieldValue> after, CaseUser user, Instant now) {
        var changes = new ArrayList<AuditEvent.Change>();
        for (String id : changedIds(before, after)) {
            FieldValue neu = after.get(id);
            changes.add(new AuditEvent.Change(id, before.get(id), neu == null ? FieldValue.EMPTY : neu));
        }
        auditLog.append(new AuditEvent(context.ids().newId(), aCase.domainId(), aCase.caseId(), type, null, now,
                changes, user, principalArn));
    }

    private static void stampUpdate(Map<String, FieldValue> values, CaseUser user, String stamp) {
        values.put(SystemFields.LAST_UPDATED_DATETIME, new FieldValue.StringValue(stamp));
        if (user instanceof CaseUser.UserArn arn) {
            values.put(SystemFields.LAST_UPDATED_USER, new FieldValue.UserArnValue(arn.arn()));
        } else {
            // A custom entity is not a user ARN, so the User-typed field cannot hold it.
            values.remove(SystemFields.LAST_UPDATED_USER);
        }
    }

    private static boolean isClosed(Map<String, FieldValue> values) {
        return values.get(SystemFields.STATUS) instanceof FieldValue.StringValue s && CLOSED.equals(s.value());
    }

    private Case requireCase(CasesDomain domain, String caseId) {
        return cases.find(domain.domainId(), caseId).orElseThrow(() -> new DomainException.NotFound("Case", caseId));
    }

    private String caseArn(CasesDomain domain, String caseId) {
        return context.arns().caseArn(domain.accountId(), domain.domainId(), caseId);
    }

    private Instant now() {
        // Stored and shown with millisecond precision, like the rest of the case's date-time values.
        return context.clock().now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The friendly 8-digit number; derived from the case id, so, as AWS says, not guaranteed unique. */
    static String referenceNumber(String caseId) {
        return String.format("%08d", Math.floorMod(caseId.hashCode() * 31L + caseId.length(), 100_000_000L));
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
