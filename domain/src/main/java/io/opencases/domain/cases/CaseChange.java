package io.opencases.domain.cases;

import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.DomainConfiguration;
import io.opencases.domain.event.CaseEvent;
import io.opencases.domain.event.CaseEventConfiguration;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import io.opencases.domain.relateditem.CaseSlas;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.template.TagPropagation;
import io.opencases.domain.template.Template;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One change to a case, decided against a domain configuration: the case before (null when it is created) and
 * after, the ids of the fields whose value changed, the audit event that records it and the SLA items it
 * completed. Creating and updating a case are here: the field writes, the System fields, the closing and
 * reopening stamps, the required fields and the case rules.
 */
public record CaseChange(Case before, Case after, List<String> changedFieldIds, AuditEvent auditEvent,
                         List<RelatedItem> changedSlas) {
    private static final String CLOSED = "closed";

    public CaseChange {
        changedFieldIds = List.copyOf(changedFieldIds);
        changedSlas = List.copyOf(changedSlas);
    }

    /** One field value a request writes; {@link FieldValue#EMPTY} clears the field. */
    public record FieldWrite(String fieldId, FieldValue value) {
    }

    /** Who makes the change and when; {@code user} (the request's performedBy) may be null. */
    public record Actor(CaseUser user, String principalArn, Instant now, String auditEventId) {
    }

    /**
     * A new case from {@code templateId}: the writes must name live fields, fill title (and customer_id when the
     * template requires it) and the template's required fields, and satisfy its case rules. {@code now} has millisecond precision.
     */
    public static CaseChange create(DomainConfiguration configuration, String caseId, String templateId,
                                    List<FieldWrite> writes, Actor actor) {
        Template template = configuration.template(templateId)
                .orElseThrow(() -> new DomainException.NotFound("Template", templateId));
        if (!template.canCreateCases()) {
            throw DomainException.invalid("templateId: template %s is %s and cannot be used to create cases.",
                    template.templateId(), template.deleted() ? "deleted" : "inactive");
        }
        Map<String, FieldValue> values = applyWrites(configuration, Map.of(), writes, true);
        // customer_id is required only when the template requires it (AWS's newest CreateCase documentation).
        if (!values.containsKey(SystemFields.TITLE)) {
            throw DomainException.invalid("fields: %s is required to create a case.", SystemFields.TITLE);
        }
        var missing = template.requiredFieldIds().stream().filter(configuration::isLiveField)
                .filter(id -> !values.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("fields: template %s requires values for: %s", template.templateId(),
                    String.join(", ", missing));
        }
        CaseRulePolicy.check(values, configuration.appliedRules(template));

        String stamp = timestamp(actor.now());
        values.putIfAbsent(SystemFields.STATUS, new FieldValue.StringValue("open"));
        values.put(SystemFields.CASE_ID, new FieldValue.StringValue(caseId));
        values.put(SystemFields.REFERENCE_NUMBER, new FieldValue.StringValue(referenceNumber(caseId)));
        CaseReference.of(caseId).ifPresent(r -> values.put(SystemFields.REFERENCE_ID, new FieldValue.StringValue(r)));
        values.put(SystemFields.CREATED_DATETIME, new FieldValue.StringValue(stamp));
        stampUpdate(values, actor.user(), stamp);
        if (isClosed(values)) {
            values.put(SystemFields.LAST_CLOSED_DATETIME, new FieldValue.StringValue(stamp));
        }
        var aCase = new Case(configuration.domainId(), caseId, template.templateId(), values, actor.now());
        return of(null, aCase, AuditEventType.CASE_CREATED, actor, List.of());
    }

    /**
     * {@code current} with the writes applied (only the given fields change; emptyValue clears one). {@code
     * relatedItems} is asked for the case's related items only when the case has an open SLA.
     */
    public static CaseChange update(DomainConfiguration configuration, Case current, List<FieldWrite> writes,
                                    Actor actor, Supplier<List<RelatedItem>> relatedItems) {
        Template template = configuration.template(current.templateId()).orElse(null);
        Map<String, FieldValue> before = current.values();
        Map<String, FieldValue> values = applyWrites(configuration, before, writes, false);
        // customer_id can be added, changed or removed after creation unless the template requires it.
        if (!values.containsKey(SystemFields.TITLE)) {
            throw DomainException.invalid("fields: %s cannot be cleared.", SystemFields.TITLE);
        }
        if (template != null) {
            var cleared = writes.stream()
                    .filter(w -> w.value() instanceof FieldValue.Empty)
                    .map(FieldWrite::fieldId)
                    .filter(template.requiredFieldIds()::contains).toList();
            if (!cleared.isEmpty()) {
                throw DomainException.invalid("fields: %s are required by template %s and cannot be cleared.",
                        String.join(", ", cleared), template.templateId());
            }
            CaseRulePolicy.check(values, configuration.appliedRules(template));
        }
        String stamp = timestamp(actor.now());
        boolean wasClosed = isClosed(before);
        boolean closed = isClosed(values);
        if (closed && !wasClosed) {
            values.put(SystemFields.LAST_CLOSED_DATETIME, new FieldValue.StringValue(stamp));
        } else if (wasClosed && !closed) {
            values.put(SystemFields.LAST_REOPENED_DATETIME, new FieldValue.StringValue(stamp));
        }
        stampUpdate(values, actor.user(), stamp);
        List<RelatedItem> changedSlas = CaseSlas.hasOpenSla(before)
                ? CaseSlas.observe(relatedItems.get(), values, actor.now()) : List.of();
        return of(current, current.withValues(values), AuditEventType.CASE_UPDATED, actor, changedSlas);
    }

    private static CaseChange of(Case before, Case after, AuditEventType type, Actor actor,
                                 List<RelatedItem> changedSlas) {
        Map<String, FieldValue> old = before == null ? Map.of() : before.values();
        List<String> changed = changedIds(old, after.values());
        var changes = new ArrayList<AuditEvent.Change>();
        for (String id : changed) {
            FieldValue neu = after.values().get(id);
            changes.add(new AuditEvent.Change(id, old.get(id), neu == null ? FieldValue.EMPTY : neu));
        }
        var audit = new AuditEvent(actor.auditEventId(), after.domainId(), after.caseId(), type, null, actor.now(),
                changes, actor.user(), actor.principalArn());
        return new CaseChange(before, after, changed, audit, changedSlas);
    }

    /** The tags a new case from {@code template} gets: the template's propagated Cases tags, then the request's. */
    public static Map<String, String> initialTags(Template template, Map<String, String> requested) {
        Map<String, String> tags = new LinkedHashMap<>();
        template.tagPropagations().stream().filter(p -> "Cases".equals(p.resourceType()))
                .map(TagPropagation::tagMap).forEach(tags::putAll);
        if (requested != null) {
            tags.putAll(requested);
        }
        return tags;
    }

    /**
     * The "Amazon Connect Cases Change" event of this change, when the domain's event configuration is enabled:
     * without configured case fields it carries only the case's identity, as AWS's do.
     */
    public java.util.Optional<CaseEvent> event(DomainConfiguration configuration, String eventId, String region,
                                               String domainArn, String caseArn) {
        CaseEventConfiguration events = configuration.eventConfiguration();
        if (!events.enabled()) {
            return java.util.Optional.empty();
        }
        String type = before == null ? CaseEvent.CASE_CREATED : CaseEvent.CASE_UPDATED;
        return java.util.Optional.of(new CaseEvent(eventId, configuration.domain().accountId(), region,
                after.domainId(), after.caseId(), type, auditEvent.performedTime(), List.of(domainArn, caseArn),
                changedFieldIds, List.of(), auditEvent.user(), auditEvent.iamPrincipalArn(),
                snapshot(after, events), null));
    }

    /** The case event of the deletion of {@code aCase}, when the domain's configuration asks for events. */
    public static java.util.Optional<CaseEvent> deletionEvent(DomainConfiguration configuration, Case aCase,
                                                              String eventId, String region, String domainArn,
                                                              String caseArn, String principalArn,
                                                              java.time.Instant now) {
        CaseEventConfiguration events = configuration.eventConfiguration();
        if (!events.enabled()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CaseEvent(eventId, configuration.domain().accountId(), region,
                aCase.domainId(), aCase.caseId(), CaseEvent.CASE_DELETED, now, List.of(domainArn, caseArn),
                List.of(), List.of(), null, principalArn, snapshot(aCase, events), null));
    }

    /** The case as an event shows it: only the configured fields that have a value. */
    public static CaseEvent.CaseSnapshot snapshot(Case aCase, CaseEventConfiguration configuration) {
        var fields = new LinkedHashMap<String, FieldValue>();
        if (configuration.caseFieldIds() != null) {
            configuration.caseFieldIds().forEach(id -> {
                FieldValue value = aCase.values().get(id);
                if (value != null) {
                    fields.put(id, value);
                }
            });
        }
        return new CaseEvent.CaseSnapshot(aCase.caseId(), aCase.templateId(), aCase.createdTime(), fields);
    }

    /**
     * Validates the writes against the field definitions and returns the resulting values (a mutable copy). On
     * creation there is no current value; a write of emptyValue removes the field's value.
     */
    private static Map<String, FieldValue> applyWrites(DomainConfiguration configuration,
                                                       Map<String, FieldValue> current, List<FieldWrite> writes,
                                                       boolean creating) {
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
        var unknown = new TreeSet<String>();
        var deleted = new TreeSet<String>();
        for (String id : ids) {
            Field field = configuration.fields().get(id);
            if (field == null) {
                unknown.add(id);
            } else if (field.deleted()) {
                deleted.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("fields: these fields do not exist: %s", String.join(", ", unknown));
        }
        if (creating && !deleted.isEmpty()) {
            throw DomainException.invalid("fields: these fields are deleted: %s", String.join(", ", deleted));
        }
        var values = new LinkedHashMap<>(current);
        for (FieldWrite write : writes) {
            Field field = configuration.fields().get(write.fieldId());
            CaseFieldPolicy.checkWrite(field, write.value(), current.get(field.fieldId()),
                    configuration.options(field.fieldId()));
            if (write.value() instanceof FieldValue.Empty) {
                values.remove(field.fieldId());
            } else {
                values.put(field.fieldId(), write.value());
            }
        }
        return values;
    }

    /** Ids of the fields whose value differs, in id order. */
    private static List<String> changedIds(Map<String, FieldValue> before, Map<String, FieldValue> after) {
        var ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        return ids.stream().filter(id -> !Objects.equals(before.get(id), after.get(id))).toList();
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

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The friendly 8-digit number; derived from the case id, so, as AWS says, not guaranteed unique. */
    public static String referenceNumber(String caseId) {
        // Zero-padded by hand: String.format cost more than the rest of building the case.
        String digits = Long.toString(Math.floorMod(caseId.hashCode() * 31L + caseId.length(), 100_000_000L));
        return "00000000".substring(digits.length()) + digits;
    }
}
