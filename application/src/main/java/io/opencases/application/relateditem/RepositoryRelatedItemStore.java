package io.opencases.application.relateditem;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.RelatedItemStore;
import io.opencases.application.port.TagRepository;
import io.opencases.domain.cases.Case;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.relateditem.RelatedItem;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The related-item use cases' storage on the fine-grained repositories, a call (or a few) each, as the service made
 * them before; the use case's unit of work makes a change all or nothing. Both storage profiles use it today; an
 * adapter that can write a change in one round trip implements {@link RelatedItemStore} itself instead.
 */
public final class RepositoryRelatedItemStore implements RelatedItemStore {
    private final DomainRepository domains;
    private final FieldRepository fields;
    private final CaseRepository cases;
    private final RelatedItemRepository relatedItems;
    private final TagRepository tags;
    private final AuditLog auditLog;

    public RepositoryRelatedItemStore(DomainRepository domains, FieldRepository fields, CaseRepository cases,
                                      RelatedItemRepository relatedItems, TagRepository tags, AuditLog auditLog) {
        this.domains = domains;
        this.fields = fields;
        this.cases = cases;
        this.relatedItems = relatedItems;
        this.tags = tags;
        this.auditLog = auditLog;
    }

    @Override
    public Optional<CasesDomain> domain(String accountId, String domainId) {
        return domains.find(accountId, domainId);
    }

    @Override
    public Optional<Case> findCase(String domainId, String caseId) {
        return cases.find(domainId, caseId);
    }

    @Override
    public List<RelatedItem> items(String domainId, String caseId) {
        return relatedItems.listForCase(domainId, caseId);
    }

    @Override
    public Optional<RelatedItem> item(String domainId, String caseId, String relatedItemId) {
        return relatedItems.find(domainId, caseId, relatedItemId);
    }

    @Override
    public List<Field> fields(String domainId, Collection<String> fieldIds) {
        return fields.findAll(domainId, fieldIds);
    }

    @Override
    public List<FieldOption> options(String domainId, String fieldId) {
        return fields.options(domainId, fieldId);
    }

    @Override
    public Map<String, String> tags(String arn) {
        return tags.tags(arn);
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
