package io.opencases.application.search;

import io.opencases.application.Arns;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.UnitOfWork;
import io.opencases.domain.cases.Case;
import io.opencases.domain.search.CaseDocument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps the case index in step with the store; called in the unit of work of each change to a case. The change is
 * recorded in the change feed with the write (durable, so an index that misses it catches up later), and the index
 * itself is updated once the write has committed, before the use case returns: a search after a 200 sees the write,
 * and a rolled-back write never reaches the index.
 */
public final class CaseIndexing {
    private final CaseIndex index;
    private final CaseChangeFeed feed;
    private final TagRepository tags;
    private final Arns arns;
    private final UnitOfWork unitOfWork;
    /** Feed positions this instance has already applied to its index; the feed follower skips them. */
    private final Set<Long> appliedHere = ConcurrentHashMap.newKeySet();
    /**
     * The newest feed position applied to each recently changed case. Two writes of one case commit in position
     * order (the second conflicts with the first and re-runs after it), but their after-commit index updates run on
     * two request threads and could land in the other order; this keeps an older version from replacing a newer.
     */
    private final ConcurrentHashMap<String, Long> newestApplied = new ConcurrentHashMap<>();

    public CaseIndexing(CaseIndex index, CaseChangeFeed feed, TagRepository tags, Arns arns, UnitOfWork unitOfWork) {
        this.index = index;
        this.feed = feed;
        this.tags = tags;
        this.arns = arns;
        this.unitOfWork = unitOfWork;
    }

    public void caseChanged(String accountId, Case aCase) {
        CaseDocument document = document(accountId, aCase);
        long position = feed.append(aCase.domainId(), aCase.caseId());
        unitOfWork.afterCommit(() -> {
            applyInOrder(aCase.domainId(), aCase.caseId(), position, () -> index.upsert(document));
            appliedHere.add(position);
        });
    }

    /**
     * Records that a case's related items changed. Its index document is unchanged, but the change feed tells live
     * views on every instance (the workspace) that the case's activity moved.
     */
    public void relatedItemsChanged(String domainId, String caseId) {
        long position = feed.append(domainId, caseId);
        unitOfWork.afterCommit(() -> appliedHere.add(position));
    }

    public void caseDeleted(String domainId, String caseId) {
        long position = feed.append(domainId, caseId);
        unitOfWork.afterCommit(() -> {
            applyInOrder(domainId, caseId, position, () -> index.remove(domainId, caseId));
            appliedHere.add(position);
        });
    }

    /** Applies a change of the case at {@code position} unless a later change of it is already in the index. */
    void applyInOrder(String domainId, String caseId, long position, Runnable change) {
        newestApplied.compute(domainId + "/" + caseId, (key, newest) -> {
            if (newest != null && newest > position) {
                return newest;
            }
            change.run();
            return position;
        });
    }

    /** Forgets the order of changes at or below {@code settled}: nothing older can still arrive. */
    void forgetOrderThrough(long settled) {
        newestApplied.values().removeIf(position -> position <= settled);
    }

    public void domainDeleted(String domainId) {
        long position = feed.append(domainId, null);
        unitOfWork.afterCommit(() -> {
            index.removeDomain(domainId);
            appliedHere.add(position);
        });
    }

    /** The index document of a stored case: its values and the tags on its ARN. */
    CaseDocument document(String accountId, Case aCase) {
        return document(aCase, tags.tags(arns.caseArn(accountId, aCase.domainId(), aCase.caseId())));
    }

    /**
     * The index documents of many stored cases with one tag lookup (a rebuild). {@code accountOf} gives each case's
     * domain's account; a case whose domain has none (deleted meanwhile) is left out.
     */
    List<CaseDocument> documents(List<Case> cases, Function<String, Optional<String>> accountOf) {
        var arnOf = new HashMap<Case, String>();
        for (Case aCase : cases) {
            accountOf.apply(aCase.domainId()).ifPresent(account -> arnOf.put(aCase,
                    arns.caseArn(account, aCase.domainId(), aCase.caseId())));
        }
        var tagsByArn = tags.tagsOf(arnOf.values());
        return cases.stream().filter(arnOf::containsKey)
                .map(aCase -> document(aCase, tagsByArn.getOrDefault(arnOf.get(aCase), Map.of()))).toList();
    }

    private static CaseDocument document(Case aCase, Map<String, String> caseTags) {
        return new CaseDocument(aCase.domainId(), aCase.caseId(), aCase.templateId(), aCase.values(), caseTags);
    }

    /** Whether this instance applied the change at {@code position} itself (and forgets it: each is asked once). */
    boolean appliedHere(long position) {
        return appliedHere.remove(position);
    }

    /** Forgets what was applied here (a rebuild reads everything from the store anyway). */
    void forgetApplied() {
        appliedHere.clear();
        newestApplied.clear();
    }
}
