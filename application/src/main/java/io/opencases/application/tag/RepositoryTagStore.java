package io.opencases.application.tag;

import io.opencases.application.Arns;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainContents;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TagStore;
import io.opencases.domain.cases.Case;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The tag use cases' storage: the domain check and the case lock from their repositories, whether a resource of the
 * domain exists from {@link DomainContents} (one lookup whatever its kind), the tags from the tag repository.
 */
public final class RepositoryTagStore implements TagStore {
    private final DomainRepository domains;
    private final DomainContents contents;
    private final CaseRepository cases;
    private final TagRepository tags;

    public RepositoryTagStore(DomainRepository domains, DomainContents contents, CaseRepository cases,
                              TagRepository tags) {
        this.domains = domains;
        this.contents = contents;
        this.cases = cases;
        this.tags = tags;
    }

    @Override
    public boolean exists(Arns.Parsed resource) {
        if (domains.find(resource.accountId(), resource.domainId()).isEmpty()) {
            return false;
        }
        return resource.kind() == Arns.ResourceKind.DOMAIN || contents.contains(resource.domainId(), resource.kind(),
                resource.caseId(), resource.resourceId());
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
