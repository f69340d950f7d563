package io.opencases.application.port;

import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.FieldFilter;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Search over the cases of a domain: a copy of the store. One thread writes it (CaseIndexer), fed after commit by
 * the use cases and by the change feed; writes become visible to searches at {@link #refresh()}, which that thread
 * calls once per batch. CaseIndexMaintenance rebuilds it beside the live one and applies the change feed.
 */
public interface CaseIndex {

    /**
     * {@code filter} may be null (every case); {@code after} is null for the first page. {@code fieldIds}: the values
     * the caller reads from the hits (null: all of them); the documents returned hold at least those and the sorted
     * fields' values, so an index may skip decoding the rest.
     */
    record Query(FieldFilter filter, List<String> termWords, List<CaseSort> sorts, CaseOrdering.Key after,
                 int limit, Set<String> fieldIds) {
        public Query {
            termWords = List.copyOf(termWords);
            sorts = List.copyOf(sorts);
            if (fieldIds != null) {
                var wanted = new HashSet<>(fieldIds);
                sorts.forEach(sort -> wanted.add(sort.fieldId()));
                fieldIds = Set.copyOf(wanted);
            }
        }

        /** A query whose hits carry every value. */
        public Query(FieldFilter filter, List<String> termWords, List<CaseSort> sorts, CaseOrdering.Key after,
                     int limit) {
            this(filter, termWords, sorts, after, limit, null);
        }
    }

    /**
     * How far a search counts its matches: {@link Hits#totalCount} is exact up to this many and exactly this many
     * beyond, a lower bound (OpenSearch's default). Whatever the index could know for free (a cached clause, a
     * segment without deletions) does not show: the same search always reports the same count.
     */
    long COUNT_CAP = 10_000;

    /**
     * Up to {@code limit} documents in the query's order after the cursor, and how many match in all, at most
     * {@link #COUNT_CAP}.
     */
    record Hits(List<CaseDocument> documents, long totalCount) {
        public Hits {
            documents = List.copyOf(documents);
            totalCount = Math.min(totalCount, COUNT_CAP);
        }
    }

    void upsert(CaseDocument document);

    /** Indexes many documents at once (a rebuild); an adapter may do it faster than one upsert each. */
    default void upsertAll(Iterable<CaseDocument> documents) {
        documents.forEach(this::upsert);
    }

    /** Adds documents of cases the index does not hold, each case once (a rebuild's pages). */
    default void addNew(Iterable<CaseDocument> documents) {
        upsertAll(documents);
    }

    void remove(String domainId, String caseId);

    void removeDomain(String domainId);

    Hits search(String domainId, Query query);

    /**
     * {@link #search} as if the cases {@code caseIds} of the domain were not in the index: none of them is a hit or
     * counted. Searches use it for the cases written since the last refresh, whose documents they take from the
     * indexer's queue instead (see CaseIndexing), so an older copy here must not show. The total keeps
     * {@link #search}'s meaning. This default asks for every match; an index should do better.
     */
    default Hits searchExcluding(String domainId, Query query, Set<String> caseIds) {
        if (caseIds.isEmpty()) {
            return search(domainId, query);
        }
        Hits all = search(domainId, new Query(query.filter(), query.termWords(), query.sorts(), null,
                Integer.MAX_VALUE, query.fieldIds()));
        var comparator = CaseOrdering.comparator(query.sorts());
        var kept = new java.util.ArrayList<CaseDocument>();
        long left = 0;
        for (CaseDocument d : all.documents()) {
            if (caseIds.contains(d.caseId())) {
                left++;
            } else if (kept.size() < query.limit() && (query.after() == null
                    || comparator.compare(CaseOrdering.key(d, query.sorts()), query.after()) > 0)) {
                kept.add(d);
            }
        }
        // Every match was read (no limit), so their number is the exact count, not the capped one.
        return new Hits(kept, all.documents().size() - left);
    }

    /**
     * Makes everything indexed so far durable, recording that it reflects the change feed up to {@code feedPosition}
     * (see {@link CaseChangeFeed}). An index that lives in memory has nothing to do.
     */
    default void checkpoint(long feedPosition) {
    }

    /** The feed position of the last checkpoint; empty when the index is new or unusable and must be rebuilt. */
    default OptionalLong checkpointedPosition() {
        return OptionalLong.empty();
    }

    /** Removes every document of every domain. */
    void clear();

    /** Makes every write completed so far visible to the searches that start after it returns. */
    default void refresh() {
    }

    /**
     * Lets searches see the index's own reorganisation finished since the last refresh (for Lucene, merged segments),
     * when no write is waiting to be shown: a search's cost follows the number of segments it reads, and without a
     * write nothing else would show them. The indexer calls it when idle; it never makes a write visible early.
     */
    default void showCompletedMerges() {
    }

    /**
     * A new, empty index of the same kind, to be filled beside this one while this one keeps answering, then swapped
     * in with {@link #replaceWith}: a rebuild.
     */
    default CaseIndex newBeside() {
        throw new UnsupportedOperationException("this case index cannot be rebuilt beside itself");
    }

    /**
     * Takes over the contents of {@code built} (made by {@link #newBeside()}, which must not be used afterwards),
     * dropping its own; searches see the new contents from the next refresh on, and none fails meanwhile.
     */
    default void replaceWith(CaseIndex built) {
        throw new UnsupportedOperationException("this case index cannot be rebuilt beside itself");
    }
}
