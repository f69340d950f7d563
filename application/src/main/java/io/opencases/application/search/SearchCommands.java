package io.opencases.application.search;

import io.opencases.application.Caller;
import io.opencases.application.PageRequest;
import io.opencases.application.cases.CaseCommands.FieldWrite;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.relateditem.RelatedItemCommands.RelatedItemView;
import io.opencases.domain.relateditem.RelatedItemFilter;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.FieldFilter;

import java.util.List;
import java.util.Map;

/** Inputs and outputs of the search use cases. */
public final class SearchCommands {
    private SearchCommands() {
    }

    /** {@code filter} and {@code searchTerm} may be null; {@code fieldIds} are the fields to return. */
    public record SearchCases(Caller caller, String domainId, String searchTerm, FieldFilter filter,
                              List<CaseSort> sorts, List<String> fieldIds, PageRequest page) {
    }

    public record CaseHit(String caseId, String templateId, List<FieldWrite> fields, Map<String, String> tags) {
    }

    public record CaseResults(List<CaseHit> cases, String nextToken, long totalCount) {
        /** Whether more cases may match than {@link #totalCount} says: it is the count's cap. */
        public boolean totalIsLowerBound() {
            return totalCount >= CaseIndex.COUNT_CAP;
        }
    }

    public enum RelatedItemSortProperty {
        AssociationTime, CaseId
    }

    public record RelatedItemSort(RelatedItemSortProperty property, boolean ascending) {
    }

    public record SearchAllRelatedItems(Caller caller, String domainId, List<RelatedItemFilter> filters,
                                        List<RelatedItemSort> sorts, PageRequest page) {
    }

    public record RelatedItemResults(List<RelatedItemView> items, String nextToken) {
    }
}
