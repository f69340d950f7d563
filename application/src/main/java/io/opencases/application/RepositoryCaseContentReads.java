package io.opencases.application;

import io.opencases.application.port.CaseContentReads;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.domain.cases.Case;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.field.Field;
import io.opencases.domain.relateditem.RelatedItem;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CaseContentReads} on the fine-grained repositories, for the stores that compose them (related items,
 * merges): each adds its own reads and its one write on the same repositories.
 */
public abstract class RepositoryCaseContentReads implements CaseContentReads {
    protected final DomainRepository domains;
    protected final FieldRepository fields;
    protected final CaseRepository cases;
    protected final RelatedItemRepository relatedItems;
    protected final TagRepository tags;

    protected RepositoryCaseContentReads(DomainRepository domains, FieldRepository fields, CaseRepository cases,
                                         RelatedItemRepository relatedItems, TagRepository tags) {
        this.domains = domains;
        this.fields = fields;
        this.cases = cases;
        this.relatedItems = relatedItems;
        this.tags = tags;
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
    public List<Field> fields(String domainId, Collection<String> fieldIds) {
        return fields.findAll(domainId, fieldIds);
    }

    @Override
    public Map<String, String> tags(String arn) {
        return tags.tags(arn);
    }
}
