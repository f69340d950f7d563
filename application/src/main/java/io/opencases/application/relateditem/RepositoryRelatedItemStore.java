package io.opencases.application.relateditem;

import io.opencases.application.RepositoryCaseContentReads;
import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.RelatedItemStore;
import io.opencases.application.port.TagRepository;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.relateditem.RelatedItem;

import java.util.List;
import java.util.Optional;

/**
 * The related-item use cases' storage on the fine-grained repositories, a call (or a few) each, as the service made
 * them before; the use case's unit of work makes a change all or nothing. Both storage profiles use it today; an
 * adapter that can write a change in one round trip implements {@link RelatedItemStore} itself instead.
 */
public final class RepositoryRelatedItemStore extends RepositoryCaseContentReads implements RelatedItemStore {
    private final AuditLog auditLog;

    public RepositoryRelatedItemStore(DomainRepository domains, FieldRepository fields, CaseRepository cases,
                                      RelatedItemRepository relatedItems, TagRepository tags, AuditLog auditLog) {
        super(domains, fields, cases, relatedItems, tags);
        this.auditLog = auditLog;
    }

    @Override
    public Optional<RelatedItem> item(String domainId, String caseId, String relatedItemId) {
        return relatedItems.find(domainId, caseId, relatedItemId);
    }

    @Override
    public List<FieldOption> options(String domainId, String fieldId) {
        return fields.options(domainId, fieldId);
    }

    @Override
    public List<String> caseIdsWithContact(String domainId, String contactArn, String afterCaseId, int limit) {
        return relatedItems.caseIdsWithContact(domainId, contactArn, afterCaseId, limit);
    }

    @Override
    public void store(ItemChange change) {
        if (change.saved() != null) {
            relatedItems.save(change.saved());
        } else {
            RelatedItem removed = change.removed();
            relatedItems.delete(removed.domainId(), removed.caseId(), removed.relatedItemId());
            tags.deleteTree(change.removedArn());
        }
        change.slaItems().forEach(relatedItems::save);
        if (change.aCase() != null) {
            cases.save(change.aCase());
        }
        auditLog.append(change.auditEvent());
    }
}
