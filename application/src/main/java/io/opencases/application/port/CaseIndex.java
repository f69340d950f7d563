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
 * Search over the cases of a domain: a copy of the store. Use cases update it once each change has committed and
 * before they return, so a search made after a write has returned sees that write; CaseIndexMaintenance rebuilds it
 * and applies the change feed.
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

    /** Up to {@code limit} documents in the query's order after the cursor, and how many match in all. */
    record Hits(List<CaseDocument> documents, long totalCount) {
        public Hits {
            documents = List.copyOf(documents);
        }
    }

    void upsert(CaseDocument document);

    /** Indexes many documents at once (a rebuild); an adapter may do it faster than one upsert each. */
    default void upsertAll(Iterable<CaseDocument> documents) {
        documents.forEach(this::upsert);
    }

    void remove(String domainId, String caseId);

    void removeDomain(String domainId);

    Hits search(String domainId, Query query);

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

    /** Removes every document of every domain (the first step of a rebuild). */
    void clear();
}
