package io.opencases.application.search;

import io.opencases.application.Arns;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.UnitOfWork;
import io.opencases.domain.cases.Case;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.SearchTerms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps the case index in step with the store; called in the unit of work of each change to a case. The change is
 * recorded in the change feed with the write (durable, so an index that misses it catches up later), and handed to
 * the indexer thread once the write has committed: the use case returns without waiting for the index, a search
 * after a 200 sees it ({@link #search}: from the index once refreshed, from the indexer's queue until then), and a
 * rolled-back write never reaches the index. An index update that fails is not the write's failure: maintenance heals the index.
 */
public final class CaseIndexing {
    private final CaseIndex index;
    private final CaseIndexer indexer;
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
        this(index, new CaseIndexer(index), feed, tags, arns, unitOfWork);
    }

    public CaseIndexing(CaseIndex index, CaseIndexer indexer, CaseChangeFeed feed, TagRepository tags, Arns arns,
                        UnitOfWork unitOfWork) {
        this.index = index;
        this.indexer = indexer;
        this.feed = feed;
        this.tags = tags;
        this.arns = arns;
        this.unitOfWork = unitOfWork;
    }

    public void caseChanged(String accountId, Case aCase) {
        CaseDocument document = document(accountId, aCase);
        long position = feed.append(aCase.domainId(), aCase.caseId());
        unitOfWork.afterCommit(() -> {
            indexer.submitCase(aCase.domainId(), aCase.caseId(), position, Optional.of(document),
                    target -> applyInOrder(aCase.domainId(), aCase.caseId(), position, () -> target.upsert(document)));
            appliedHere.add(position);
        });
    }

    /**
     * A case change that the store has already committed together with its change-feed entry at {@code position}
     * (CaseStore's one-call writes): only the index update is left, and {@code tags} are the case's tags as
     * written, so nothing is read back.
     */
    public void caseStored(Case aCase, Map<String, String> tags, long position) {
        CaseDocument document = document(aCase, tags);
        unitOfWork.afterCommit(() -> {
            indexer.submitCase(aCase.domainId(), aCase.caseId(), position, Optional.of(document),
                    target -> applyInOrder(aCase.domainId(), aCase.caseId(), position, () -> target.upsert(document)));
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

    /** A case removal inside the caller's unit of work: records it in the feed and updates the index after commit. */
    public void caseDeleted(String domainId, String caseId) {
        long position = feed.append(domainId, caseId);
        unitOfWork.afterCommit(() -> {
            indexer.submitCase(domainId, caseId, position, Optional.empty(),
                    target -> applyInOrder(domainId, caseId, position, () -> target.remove(domainId, caseId)));
            appliedHere.add(position);
        });
    }

    /** A case removal that the store has already committed with its change-feed entry at {@code position}. */
    public void caseRemoved(String domainId, String caseId, long position) {
        unitOfWork.afterCommit(() -> {
            indexer.submitCase(domainId, caseId, position, Optional.empty(),
                    target -> applyInOrder(domainId, caseId, position, () -> target.remove(domainId, caseId)));
            appliedHere.add(position);
        });
    }

    /**
     * Searches the index as every write acknowledged before this call left it, without waiting for the refresh
     * that shows the latest: the cases changed since the last refresh come from the indexer's queue (their
     * documents as written, tested against the query as the reference index does), their copies in the index are
     * left out, and the two pages are merged in the query's order. The total is the index's plus the queued cases
     * that match.
     */
    public CaseIndex.Hits search(String domainId, CaseIndex.Query query) {
        var recent = indexer.recent(domainId);
        if (recent.isEmpty()) {
            return index.search(domainId, query);
        }
        List<CaseSort> sorts = query.sorts();
        Comparator<CaseOrdering.Key> order = CaseOrdering.comparator(sorts);
        var caseIds = new HashSet<String>(recent.size() * 2);
        var matches = new ArrayList<Ranked>();
        long matching = 0;
        for (CaseIndexer.Recent r : recent) {
            caseIds.add(r.caseId());
            CaseDocument d = r.document().orElse(null);
            if (d != null && (query.filter() == null || query.filter().test(d.values(), d.tags()))
                    && (query.termWords().isEmpty() || SearchTerms.matches(r.words(), query.termWords()))) {
                matching++;
                var key = CaseOrdering.key(d, sorts);
                if (query.after() == null || order.compare(key, query.after()) > 0) {
                    matches.add(new Ranked(key, d));
                }
            }
        }
        CaseIndex.Hits older = index.searchExcluding(domainId, query, caseIds);
        matches.sort((a, b) -> order.compare(a.key(), b.key()));
        // Both lists are in the query's order after the cursor: merge them up to the page's size.
        var page = new ArrayList<CaseDocument>(query.limit());
        List<CaseDocument> fromIndex = older.documents();
        int i = 0;
        int j = 0;
        CaseOrdering.Key next = fromIndex.isEmpty() ? null : CaseOrdering.key(fromIndex.get(0), sorts);
        while (page.size() < query.limit() && (next != null || j < matches.size())) {
            if (j == matches.size() || next != null && order.compare(next, matches.get(j).key()) < 0) {
                page.add(fromIndex.get(i++));
                next = i == fromIndex.size() ? null : CaseOrdering.key(fromIndex.get(i), sorts);
            } else {
                page.add(matches.get(j++).document());
            }
        }
        // Hits caps the sum: past the cap, the queued matches add nothing the count can say.
        return new CaseIndex.Hits(page, older.totalCount() + matching);
    }

    /** A queued case that matches, with its place in the query's order. */
    private record Ranked(CaseOrdering.Key key, CaseDocument document) {
    }

    /** The indexer thread that applies the changes (maintenance feeds it too). */
    CaseIndexer indexer() {
        return indexer;
    }

    /** The index itself (maintenance builds a new one beside it). */
    CaseIndex index() {
        return index;
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

    /**
     * Forgets the order of changes at or below {@code settled}, and which of them were applied here: nothing older
     * can still arrive, and the follower never reads them again. Without the second, a change the follower read
     * before this instance's after-commit step had claimed it (the follower then applied it itself) stayed claimed
     * for ever: 1–2% of the writes at about 1,000 writes/s on PostgreSQL (229 of some 18,000 in one run), a set
     * that grew as long as the server ran.
     */
    void forgetOrderThrough(long settled) {
        newestApplied.values().removeIf(position -> position <= settled);
        appliedHere.removeIf(position -> position <= settled);
    }

    public void domainDeleted(String domainId) {
        long position = feed.append(domainId, null);
        unitOfWork.afterCommit(() -> {
            indexer.submit(target -> target.removeDomain(domainId));
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
        // By identity: a case record's own hash code would hash all its values, for every case of a rebuild.
        var arnOf = new IdentityHashMap<Case, String>();
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

    /** How many changes this instance applied that the follower has not yet read or settled (tests, diagnostics). */
    public int appliedHereCount() {
        return appliedHere.size();
    }

    /** Forgets what was applied here (a rebuild reads everything from the store anyway). */
    void forgetApplied() {
        appliedHere.clear();
        newestApplied.clear();
    }
}
