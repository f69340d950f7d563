package io.opencases.application.tag;

import io.opencases.application.Arns;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TagStore;
import io.opencases.application.port.TemplateRepository;
import io.opencases.domain.cases.Case;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The tag use cases' storage on the fine-grained repositories, one lookup per resource kind as the service made
 * them before. Both storage profiles use it; an adapter that answers {@link #exists} in one statement implements
 * {@link TagStore} itself instead.
 */
public final class RepositoryTagStore implements TagStore {
    private final DomainRepository domains;
    private final FieldRepository fields;
    private final LayoutRepository layouts;
    private final TemplateRepository templates;
    private final CaseRuleRepository caseRules;
    private final CaseRepository cases;
    private final RelatedItemRepository relatedItems;
    private final TagRepository tags;

    public RepositoryTagStore(DomainRepository domains, FieldRepository fields, LayoutRepository layouts,
                              TemplateRepository templates, CaseRuleRepository caseRules, CaseRepository cases,
                              RelatedItemRepository relatedItems, TagRepository tags) {
        this.domains = domains;
        this.fields = fields;
        this.layouts = layouts;
        this.templates = templates;
        this.caseRules = caseRules;
        this.cases = cases;
        this.relatedItems = relatedItems;
        this.tags = tags;
    }

    @Override
    public boolean exists(Arns.Parsed resource) {
        String domainId = resource.domainId();
        String id = resource.resourceId();
        if (domains.find(resource.accountId(), domainId).isEmpty()) {
            return false;
        }
        Optional<?> found = switch (resource.kind()) {
            case DOMAIN -> Optional.of(domainId);
            case FIELD -> fields.find(domainId, id);
            case LAYOUT -> layouts.find(domainId, id);
            case TEMPLATE -> templates.find(domainId, id);
            case CASE_RULE -> caseRules.find(domainId, id);
            case CASE -> cases.find(domainId, id);
            case RELATED_ITEM -> relatedItems.find(domainId, resource.caseId(), id);
        };
        return found.isPresent();
    }

    @Override
    public Map<String, String> tags(String arn) {
        return tags.tags(arn);
    }

    @Override
    public void put(String arn, Map<String, String> tags) {
        this.tags.put(arn, tags);
    }

    @Override
    public void remove(String arn, Collection<String> keys) {
        tags.remove(arn, keys);
    }

    @Override
    public Optional<Case> lockCase(String domainId, String caseId) {
        return cases.findForUpdate(domainId, caseId);
    }
}
