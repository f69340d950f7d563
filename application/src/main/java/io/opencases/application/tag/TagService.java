package io.opencases.application.tag;

import io.opencases.application.Arns;
import io.opencases.application.UseCaseContext;
import io.opencases.application.port.TagStore;
import io.opencases.application.search.CaseIndexing;
import io.opencases.application.tag.TagCommands.ListTagsForResource;
import io.opencases.application.tag.TagCommands.TagResource;
import io.opencases.application.tag.TagCommands.UntagResource;
import io.opencases.domain.DomainException;

import java.util.HashMap;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource on the ARN of any Cases resource the caller owns. */
public final class TagService {
    /** The AWS-wide tag limit per resource. */
    static final int MAX_TAGS = 50;

    private final TagStore store;
    private final CaseIndexing indexing;
    private final UseCaseContext context;

    public TagService(TagStore store, CaseIndexing indexing, UseCaseContext context) {
        this.store = store;
        this.indexing = indexing;
        this.context = context;
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
            var merged = new HashMap<>(store.tags(arn));
            merged.putAll(command.tags());
            if (merged.size() > MAX_TAGS) {
                throw DomainException.invalid("tags: a resource can have at most %d tags; this would make %d.",
                        MAX_TAGS, merged.size());
            }
            store.put(arn, command.tags());
            reindexIfCase(command.caller().accountId(), arn);
        });
    }

    public void untagResource(UntagResource command) {
        context.unitOfWork().write(() -> {
            String arn = requireResource(command.caller().accountId(), command.arn());
            store.remove(arn, command.tagKeys());
            reindexIfCase(command.caller().accountId(), arn);
        });
    }

    public Map<String, String> listTagsForResource(ListTagsForResource command) {
        return context.unitOfWork().read(() -> store.tags(requireResource(command.caller().accountId(), command.arn())));
    }

    /** Case tags are searchable (tag filters), so the index follows them. */
    private void reindexIfCase(String accountId, String arn) {
        Arns.Parsed parsed = context.arns().parse(arn);
        if (parsed.kind() == Arns.ResourceKind.CASE) {
            // Locked: an UpdateCase of this case then either waits for these tags or makes this write re-run, so
            // the index never keeps an UpdateCase's document with the tags from before this change.
            store.lockCase(parsed.domainId(), parsed.caseId()).ifPresent(c -> indexing.caseChanged(accountId, c));
        }
    }

    /** The canonical ARN of an existing resource of the caller's account, or ResourceNotFoundException. */
    private String requireResource(String accountId, String arn) {
        Arns.Parsed parsed = context.arns().parse(arn);
        if (!parsed.accountId().equals(accountId) || !store.exists(parsed)) {
            throw new DomainException.NotFound(parsed.kind().resourceType(), arn);
        }
        return arn;
    }
}
