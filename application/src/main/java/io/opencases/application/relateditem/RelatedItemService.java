package io.opencases.application.relateditem;

import io.opencases.application.Page;
import io.opencases.application.Pagination;
import io.opencases.application.UseCaseContext;
import io.opencases.application.event.CaseEventRecorder;
import io.opencases.application.merge.MergeGuard;
import io.opencases.application.port.RelatedItemStore;
import io.opencases.application.port.RelatedItemStore.ItemChange;
import io.opencases.application.search.CaseIndexing;
import io.opencases.application.relateditem.RelatedItemCommands.CaseSummary;
import io.opencases.application.relateditem.RelatedItemCommands.CreateRelatedItem;
import io.opencases.application.relateditem.RelatedItemCommands.DeleteRelatedItem;
import io.opencases.application.relateditem.RelatedItemCommands.ListCasesForContact;
import io.opencases.application.relateditem.RelatedItemCommands.NewComment;
import io.opencases.application.relateditem.RelatedItemCommands.NewConnectCase;
import io.opencases.application.relateditem.RelatedItemCommands.NewContact;
import io.opencases.application.relateditem.RelatedItemCommands.NewContent;
import io.opencases.application.relateditem.RelatedItemCommands.NewCustom;
import io.opencases.application.relateditem.RelatedItemCommands.NewFile;
import io.opencases.application.relateditem.RelatedItemCommands.NewSla;
import io.opencases.application.relateditem.RelatedItemCommands.RelatedItemCreated;
import io.opencases.application.relateditem.RelatedItemCommands.RelatedItemView;
import io.opencases.application.relateditem.RelatedItemCommands.SearchRelatedItems;
import io.opencases.application.relateditem.RelatedItemCommands.UpdateRelatedItem;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseFieldPolicy;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.event.CaseEvent;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import io.opencases.domain.relateditem.CaseSlas;
import io.opencases.domain.relateditem.CustomValue;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemFilter;
import io.opencases.domain.relateditem.RelatedItemType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Related items: CreateRelatedItem, UpdateRelatedItem, DeleteRelatedItem, SearchRelatedItems, ListCasesForContact. */
public final class RelatedItemService {
    private static final int SEARCH_PAGE = 25;
    private static final int CONTACT_CASES_PAGE = 10;
    private static final String RESOURCE = "RelatedItem";

    private final RelatedItemStore store;
    private final CaseEventRecorder events;
    private final CaseIndexing indexing;
    private final UseCaseContext context;
    private final MergeGuard merges;

    public RelatedItemService(RelatedItemStore store, CaseEventRecorder events, CaseIndexing indexing,
                              UseCaseContext context) {
        this(store, events, indexing, context, MergeGuard.NONE);
    }

    /** With the guard that refuses changes to the related items of a case being merged away (StartMergeCases). */
    public RelatedItemService(RelatedItemStore store, CaseEventRecorder events, CaseIndexing indexing,
                              UseCaseContext context, MergeGuard merges) {
        this.store = store;
        this.events = events;
        this.indexing = indexing;
        this.context = context;
        this.merges = merges;
    }

    public RelatedItemCreated createRelatedItem(CreateRelatedItem command) {
        return context.unitOfWork().write(() -> {
            CasesDomain domain = requireDomain(command.caller(), command.domainId());
            Case aCase = requireCase(domain, command.caseId());
            merges.checkWritable(domain.domainId(), aCase.caseId());
            if (command.type() != command.content().type()) {
                throw DomainException.invalid("type %s does not match the content given (%s).", command.type(),
                        command.content().type());
            }
            List<RelatedItem> existing = store.items(domain.domainId(), aCase.caseId());
            checkQuotas(existing, command.type());
            Instant now = now();
            RelatedItemContent content = newContent(domain, aCase, command.content(), now);
            var item = new RelatedItem(domain.domainId(), aCase.caseId(), context.ids().newId(), content, now,
                    command.performedBy(), command.performedBy());
            var withItem = new ArrayList<>(existing);
            withItem.add(item);
            Slas slas = content instanceof RelatedItemContent.Sla ? slas(aCase, withItem, now) : Slas.UNCHANGED;
            store.store(ItemChange.saving(item, slas.items(), slas.aCase(), audit(command.caller().principalArn(),
                    item, AuditEventType.RELATED_ITEM_CREATED, null, content, command.performedBy(), now)));
            Case current = slas.indexed(domain, aCase, indexing);
            events.relatedItemChanged(domain, CaseEvent.RELATED_ITEM_CREATED, current, item, List.of(),
                    command.performedBy(), command.caller().principalArn(), now);
            indexing.relatedItemsChanged(domain.domainId(), aCase.caseId());
            return new RelatedItemCreated(item.relatedItemId(), arn(domain, item));
        });
    }

    /** Replaces a comment's body or a custom item's whole field set; other types cannot be updated. */
    public RelatedItemView updateRelatedItem(UpdateRelatedItem command) {
        return context.unitOfWork().write(() -> {
            CasesDomain domain = requireDomain(command.caller(), command.domainId());
            Case aCase = requireCase(domain, command.caseId());
            merges.checkWritable(domain.domainId(), aCase.caseId());
            RelatedItem item = requireItem(domain, aCase, command.relatedItemId());
            if (item.type() != command.content().type()) {
                throw DomainException.invalid("content: related item %s is of type %s; only its own content type "
                        + "can be given.", item.relatedItemId(), item.type());
            }
            Instant now = now();
            RelatedItemContent content = switch (item.type()) {
                case Comment, Custom -> newContent(domain, aCase, command.content(), now);
                default -> throw DomainException.invalid("content: related items of type %s cannot be updated.",
                        item.type());
            };
            RelatedItem updated = item.withContent(content, command.performedBy());
            store.store(ItemChange.saving(updated, List.of(), null, audit(command.caller().principalArn(), updated,
                    AuditEventType.RELATED_ITEM_UPDATED, item.content(), content, command.performedBy(), now)));
            events.relatedItemChanged(domain, CaseEvent.RELATED_ITEM_UPDATED, aCase, updated,
                    List.of(item.type() == RelatedItemType.Comment ? "comment.body" : "custom.fields"),
                    command.performedBy(), command.caller().principalArn(), now);
            indexing.relatedItemsChanged(domain.domainId(), aCase.caseId());
            String arn = arn(domain, updated);
            return new RelatedItemView(updated, arn, store.tags(arn), now);
        });
    }

    /** Files are detached through Amazon Connect's DeleteAttachedFile, never here, as AWS documents. */
    public void deleteRelatedItem(DeleteRelatedItem command) {
        context.unitOfWork().write(() -> {
            CasesDomain domain = requireDomain(command.caller(), command.domainId());
            Case aCase = requireCase(domain, command.caseId());
            merges.checkWritable(domain.domainId(), aCase.caseId());
            RelatedItem item = requireItem(domain, aCase, command.relatedItemId());
            if (item.type() == RelatedItemType.File) {
                throw DomainException.invalid("File related items cannot be deleted with DeleteRelatedItem.");
            }
            Instant now = now();
            Slas slas = Slas.UNCHANGED;
            if (item.type() == RelatedItemType.Sla) {
                var without = new ArrayList<>(store.items(domain.domainId(), aCase.caseId()));
                without.removeIf(i -> i.relatedItemId().equals(item.relatedItemId()));
                slas = slas(aCase, without, now);
            }
            store.store(ItemChange.removing(item, arn(domain, item), slas.items(), slas.aCase(),
                    audit(command.caller().principalArn(), item, AuditEventType.RELATED_ITEM_DELETED, item.content(),
                            null, null, now)));
            Case current = slas.indexed(domain, aCase, indexing);
            events.relatedItemChanged(domain, CaseEvent.RELATED_ITEM_DELETED, current, item, List.of(),
                    null, command.caller().principalArn(), now);
            indexing.relatedItemsChanged(domain.domainId(), aCase.caseId());
        });
    }

    /** One case's items matching any of the filters, oldest association first. */
    public Page<RelatedItemView> searchRelatedItems(SearchRelatedItems command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = requireDomain(command.caller(), command.domainId());
            Case aCase = requireCase(domain, command.caseId());
            Instant now = now();
            List<RelatedItem> matching = store.items(domain.domainId(), aCase.caseId()).stream()
                    .filter(i -> RelatedItemFilter.anyMatch(command.filters(), i, now)).toList();
            String scope = "SearchRelatedItems/" + domain.domainId() + "/" + aCase.caseId() + "/"
                    + command.filters().hashCode();
            Page<RelatedItem> page = Pagination.page(scope, command.page(), SEARCH_PAGE,
                    (after, limit) -> matching.stream().filter(i -> after == null || key(i).compareTo(after) > 0)
                            .limit(limit).toList(), RelatedItemService::key);
            return new Page<>(page.items().stream().map(i -> {
                String arn = arn(domain, i);
                return new RelatedItemView(i, arn, store.tags(arn), now);
            }).toList(), page.nextToken());
        });
    }

    public Page<CaseSummary> listCasesForContact(ListCasesForContact command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = requireDomain(command.caller(), command.domainId());
            String scope = "ListCasesForContact/" + domain.domainId() + "/" + command.contactArn();
            Page<String> page = Pagination.page(scope, command.page(), CONTACT_CASES_PAGE,
                    (after, limit) -> store.caseIdsWithContact(domain.domainId(), command.contactArn(), after,
                            limit), Function.identity());
            return new Page<>(page.items().stream()
                    .map(id -> store.findCase(domain.domainId(), id).map(c -> new CaseSummary(id, c.templateId())))
                    .flatMap(java.util.Optional::stream).toList(), page.nextToken());
        });
    }

    private void checkQuotas(List<RelatedItem> existing, RelatedItemType type) {
        var quotas = context.quotas();
        if (existing.size() >= quotas.relatedItemsPerCase()) {
            throw new DomainException.QuotaExceeded("A case can have at most " + quotas.relatedItemsPerCase()
                    + " related items.");
        }
        long sameType = existing.stream().filter(i -> i.type() == type).count();
        if (type == RelatedItemType.File && sameType >= quotas.filesPerCase()) {
            throw new DomainException.QuotaExceeded("A case can have at most " + quotas.filesPerCase() + " files.");
        }
        if (type == RelatedItemType.Sla && sameType >= quotas.slasPerCase()) {
            throw new DomainException.QuotaExceeded("A case can have at most " + quotas.slasPerCase() + " SLAs.");
        }
    }

    private RelatedItemContent newContent(CasesDomain domain, Case aCase, NewContent content, Instant now) {
        if (content instanceof NewComment c) {
            return new RelatedItemContent.Comment(c.body(), c.contentType());
        }
        if (content instanceof NewContact c) {
            return new RelatedItemContent.Contact(c.contactArn(), RelatedItemContent.Contact.UNKNOWN_CHANNEL, now);
        }
        if (content instanceof NewFile f) {
            return new RelatedItemContent.File(f.fileArn());
        }
        if (content instanceof NewConnectCase c) {
            if (store.findCase(domain.domainId(), c.caseId()).isEmpty()) {
                throw DomainException.invalid("content.connectCase.caseId: case %s does not exist in this domain.",
                        c.caseId());
            }
            return new RelatedItemContent.ConnectCase(c.caseId());
        }
        if (content instanceof NewCustom c) {
            return new RelatedItemContent.Custom(checkCustom(domain, c.fields()));
        }
        NewSla sla = (NewSla) content;
        if (!SystemFields.STATUS.equals(sla.fieldId())) {
            throw DomainException.invalid("content.sla.slaInputConfiguration.fieldId: SLAs can only target the "
                    + "status field.");
        }
        var options = store.options(domain.domainId(), SystemFields.STATUS);
        for (FieldValue target : sla.targetFieldValues()) {
            if (!(target instanceof FieldValue.StringValue s)
                    || options.stream().noneMatch(o -> o.value().equals(s.value()))) {
                throw DomainException.invalid("content.sla.slaInputConfiguration.targetFieldValues: %s is not a "
                        + "status option.", target);
            }
        }
        var created = new RelatedItemContent.Sla(sla.name(), sla.fieldId(), sla.targetFieldValues(),
                now.plus(Duration.ofMinutes(sla.targetSlaMinutes())), null);
        return created.observe(aCase.values().get(sla.fieldId()), now);
    }

    private List<CustomValue> checkCustom(CasesDomain domain, List<CustomValue> values) {
        if (values.size() > context.quotas().fieldsPerCustomItem()) {
            throw new DomainException.QuotaExceeded("A custom related item can have at most "
                    + context.quotas().fieldsPerCustomItem() + " fields.");
        }
        Map<String, Field> definitions = store.fields(domain.domainId(),
                        values.stream().map(CustomValue::fieldId).toList()).stream()
                .collect(Collectors.toMap(Field::fieldId, Function.identity()));
        for (CustomValue value : values) {
            Field field = definitions.get(value.fieldId());
            if (field == null || field.deleted()) {
                throw DomainException.invalid("content.custom.fields: field %s does not exist or is deleted.",
                        value.fieldId());
            }
            if (field.isSystem()) {
                throw DomainException.invalid("content.custom.fields: %s is a System field; custom related items "
                        + "take custom fields only.", value.fieldId());
            }
            List<FieldOption> options = field.type() == FieldType.SingleSelect
                    ? store.options(domain.domainId(), field.fieldId()) : List.of();
            CaseFieldPolicy.checkWrite(field, value.value(), null, options);
        }
        return values;
    }

    /** What the case's SLAs become with its items as the change leaves them: the SLA items and case to store. */
    private static Slas slas(Case aCase, List<RelatedItem> items, Instant now) {
        var values = new LinkedHashMap<>(aCase.values());
        List<RelatedItem> changed = CaseSlas.observe(items, values, now);
        return new Slas(changed, values.equals(aCase.values()) ? null : aCase.withValues(values));
    }

    /** The SLA items a change updates, and the case with its new SLA values (null when they did not change). */
    private record Slas(List<RelatedItem> items, Case aCase) {
        static final Slas UNCHANGED = new Slas(List.of(), null);

        /** The case as stored after the change; a case whose SLA values changed is re-indexed. */
        Case indexed(CasesDomain domain, Case before, CaseIndexing indexing) {
            if (aCase == null) {
                return before;
            }
            indexing.caseChanged(domain.accountId(), aCase);
            return aCase;
        }
    }

    /**
     * Related-item audit events name the item and, for comments, the body: {@code relatedItemId} and
     * {@code comment.body} (AWS does not document which event fields it records).
     */
    private AuditEvent audit(String principalArn, RelatedItem item, AuditEventType type, RelatedItemContent before,
                             RelatedItemContent after, CaseUser user, Instant now) {
        var changes = new ArrayList<AuditEvent.Change>();
        FieldValue id = new FieldValue.StringValue(item.relatedItemId());
        changes.add(new AuditEvent.Change("relatedItemId", type == AuditEventType.RELATED_ITEM_CREATED ? null : id,
                after == null ? FieldValue.EMPTY : id));
        FieldValue oldBody = before instanceof RelatedItemContent.Comment c ? new FieldValue.StringValue(c.body())
                : null;
        FieldValue newBody = after instanceof RelatedItemContent.Comment c ? new FieldValue.StringValue(c.body())
                : null;
        if (oldBody != null || newBody != null) {
            changes.add(new AuditEvent.Change("comment.body", oldBody, newBody == null ? FieldValue.EMPTY : newBody));
        }
        return new AuditEvent(context.ids().newId(), item.domainId(), item.caseId(), type, item.type().name(), now,
                changes, user, principalArn);
    }

    private CasesDomain requireDomain(io.opencases.application.Caller caller, String domainId) {
        return store.domain(caller.accountId(), domainId)
                .orElseThrow(() -> new DomainException.NotFound("Domain", domainId));
    }

    private Case requireCase(CasesDomain domain, String caseId) {
        return store.findCase(domain.domainId(), caseId)
                .orElseThrow(() -> new DomainException.NotFound("Case", caseId));
    }

    private RelatedItem requireItem(CasesDomain domain, Case aCase, String relatedItemId) {
        return store.item(domain.domainId(), aCase.caseId(), relatedItemId)
                .orElseThrow(() -> new DomainException.NotFound(RESOURCE, relatedItemId));
    }

    private String arn(CasesDomain domain, RelatedItem item) {
        return context.arns().relatedItem(domain.accountId(), domain.domainId(), item.caseId(), item.relatedItemId());
    }

    private Instant now() {
        return context.clock().now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Sorts like association time, then id: epoch milliseconds zero-padded so text order is time order. */
    private static String key(RelatedItem item) {
        return String.format("%015d/%s", item.associationTime().toEpochMilli(), item.relatedItemId());
    }
}
