package io.opencases.domain.agent;

import io.opencases.domain.Require;

import java.util.List;

/**
 * A case list an agent saved for themself in one domain: a search term, an optional "field equals value" filter, a
 * sort and the columns to show. Null members mean "none"; an empty column list means the default columns.
 */
public record SavedView(String viewId, String agentName, String domainId, String name, String searchTerm,
                        String filterFieldId, String filterValue, String sortFieldId, boolean sortAscending,
                        List<String> columns) {
    public SavedView {
        Require.nonNull(viewId, "viewId");
        Require.nonNull(agentName, "agentName");
        Require.nonNull(domainId, "domainId");
        Require.nonBlank(name, "name");
        columns = Require.copy(columns);
        if ((filterFieldId == null) != (filterValue == null)) {
            throw io.opencases.domain.DomainException.invalid("filter: a field needs a value and a value a field.");
        }
    }
}
