package io.opencases.application.port;

import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.Case;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.relateditem.RelatedItem;

import java.util.List;
import java.util.Optional;

/**
 * What the related-item use cases (CreateRelatedItem, UpdateRelatedItem, DeleteRelatedItem, SearchRelatedItems,
 * ListCasesForContact) read and write, inside the use case's unit of work: the domain and case a call is on, the
 * case's items, the field definitions a Custom or SLA item is checked against, the tags on an item, and each change
 * as one {@link #store} of everything it writes. One port where the service named six repositories, so an adapter
 * can answer a change in fewer round trips without the service changing.
 */
public interface RelatedItemStore extends CaseContentReads {

    Optional<RelatedItem> item(String domainId, String caseId, String relatedItemId);

    /** The options of a SingleSelect field in the order they were first added. */
    List<FieldOption> options(String domainId, String fieldId);

    /** Ids of the cases that have a Contact item for this contact, ascending, after {@code afterCaseId}. */
    List<String> caseIdsWithContact(String domainId, String contactArn, String afterCaseId, int limit);

    /**
     * Everything one change of a related item writes: the item {@code saved} (inserted or replaced) or the item
     * {@code removed} together with the tags on its ARN ({@code removedArn}); the SLA items of the case whose state
     * followed from it, and the case itself when its SLA values changed (null when not); and its audit event.
     */
    record ItemChange(RelatedItem saved, RelatedItem removed, String removedArn, List<RelatedItem> slaItems,
                      Case aCase, AuditEvent auditEvent) {
        public ItemChange {
            if ((saved == null) == (removed == null)) {
                throw new IllegalArgumentException("a change saves one item or removes one");
            }
            if ((removed == null) != (removedArn == null)) {
                throw new IllegalArgumentException("a removed item comes with its ARN, a saved one without");
            }
            slaItems = List.copyOf(slaItems);
        }

        public static ItemChange saving(RelatedItem item, List<RelatedItem> slaItems, Case aCase,
                                        AuditEvent auditEvent) {
            return new ItemChange(item, null, null, slaItems, aCase, auditEvent);
        }

        public static ItemChange removing(RelatedItem item, String arn, List<RelatedItem> slaItems, Case aCase,
                                          AuditEvent auditEvent) {
            return new ItemChange(null, item, arn, slaItems, aCase, auditEvent);
        }
    }

    /** Writes the change, all of it with the enclosing unit of work. */
    void store(ItemChange change);
}
