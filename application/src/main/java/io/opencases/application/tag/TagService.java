package io.opencases.application.tag;

import io.opencases.application.Arns;
import io.opencases.application.UseCaseContext;
import io.opencases.application.DomainAccess;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.search.CaseIndexing;
import io.opencases.application.port.DomainContents;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.tag.TagCommands.ListTagsForResource;
import io.opencases.application.tag.TagCommands.TagResource;
import io.opencases.application.tag.TagCommands.UntagResource;
import io.opencases.domain.DomainException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** TagResource, UntagResource and ListTagsForResource on the ARN of any Cases resource the caller owns. */
public final class TagService {
    /** The AWS-wide tag limit per resource. */
    static final int MAX_TAGS = 50;

    private final DomainRepository domains;
    private final DomainContents contents;
    private final CaseRepository cases;
    private final TagRepository tags;
    private final CaseIndexing indexing;
    private final UseCaseContext context;

    public TagService(DomainRepository domains, DomainContents contents, CaseRepository cases, TagRepository tags,
                      CaseIndexing indexing, UseCaseContext context) {
        this.context = context;
        this.domains = domains;
        this.contents = contents;
        this.cases = cases;
        this.tags = tags;
        this.indexing = indexing;
    }

    public void tagResource(TagResource command) {
        command.tags().forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 128 || key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw DomainException.invalid("tags: key '%s' must be 1 to 128 characters and may not start with "
                        + "'aws:'.", key);
            }
            if (value == null || value.length() > 256) {
                throw DomainException.invalid("tags: the value of key '%s' must be a string of at most 256 "
                        + "characters.", key);
            }
        });
        context.unitOfWork().write(() -> {
            String arn = requireResource(command.caller().accountId(), command.arn());
            var merged = new HashMap<>(tags.tags(arn));
            merged.putAll(command.tags());
            if (merged.size() > MAX_TAGS) {
                throw DomainException.invalid("tags: a resource can have at most %d tags; this would make %d.",
                        MAX_TAGS, merged.size());
            }
            tags.put(arn, command.tags());
            reindexIfCase(command.caller().accountId(), arn);
        });
    }

    public void untagResource(UntagResource command) {
        context.unitOfWork().write(() -> {
            String arn = requireResource(command.caller().accountId(), command.arn());
            tags.remove(arn, command.tagKeys());
            reindexIfCase(command.caller().accountId(), arn);
        });
    }

    public Map<String, String> listTagsForResource(ListTagsForResource command) {
        return context.unitOfWork().read(() -> tags.tags(requireResource(command.caller().accountId(), command.arn())));
    }

    /** Case tags are searchable (tag filters), so the index follows them. */
    private void reindexIfCase(String accountId, String arn) {
        Arns.Parsed parsed = context.arns().parse(arn);
        if (parsed.kind() == Arns.ResourceKind.CASE) {
            // Locked: an UpdateCase of this case then either waits for these tags or makes this write re-run, so
            // the index never keeps an UpdateCase's document with the tags from before this change.
            cases.findForUpdate(parsed.domainId(), parsed.caseId())
                    .ifPresent(c -> indexing.caseChanged(accountId, c));
        }
    }

    /** The canonical ARN of an existing resource of the caller's account, or ResourceNotFoundException. */
    private String requireResource(String accountId, String arn) {
        Arns.Parsed parsed = context.arns().parse(arn);
        var notFound = new DomainException.NotFound(parsed.kind().resourceType(), arn);
        if (!parsed.accountId().equals(accountId) || domains.find(accountId, parsed.domainId()).isEmpty()) {
            throw notFound;
        }
        boolean exists = parsed.kind() == Arns.ResourceKind.DOMAIN
                || contents.contains(parsed.domainId(), parsed.kind(), parsed.caseId(), parsed.resourceId());
        if (!exists) {
            throw notFound;
        }
        return arn;
    }
}
