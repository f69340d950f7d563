package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.relateditem.RelatedItemCommands.RelatedItemView;
import io.opencases.application.search.SearchCommands.RelatedItemSort;
import io.opencases.application.search.SearchCommands.RelatedItemSortProperty;
import io.opencases.application.search.SearchCommands.SearchAllRelatedItems;
import io.opencases.application.search.SearchCommands.SearchCases;
import io.opencases.application.search.SearchService;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemFilter;
import io.opencases.domain.search.CaseSort;
import io.opencases.rest.OperationHandler;
import io.opencases.rest.WireJson;

import java.util.List;
import java.util.Map;

import static io.opencases.rest.WireJson.ids;
import static io.opencases.rest.WireJson.list;
import static io.opencases.rest.WireJson.object;
import static io.opencases.rest.WireJson.page;
import static io.opencases.rest.WireJson.struct;
import static io.opencases.rest.WireJson.tags;
import static io.opencases.rest.WireJson.text;
import static io.opencases.rest.WireJson.timestamp;

/** Wire mapping of SearchCases and SearchAllRelatedItems. */
public final class SearchOperations {
    private final SearchService service;

    public SearchOperations(SearchService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "SearchCases", (in, caller) -> {
                    JsonNode filter = struct(in, "filter");
                    List<CaseSort> sorts = list(in, "sorts", s -> new CaseSort(text(s, "fieldId"),
                            "Asc".equals(text(s, "sortOrder"))));
                    List<String> fields = ids(in, "fields", "id");
                    var results = service.searchCases(new SearchCases(caller, text(in, "domainId"),
                            text(in, "searchTerm"), filter == null ? null : RelatedItemOperations.fieldFilter(filter),
                            sorts, fields == null ? List.of() : fields, page(in)));
                    ObjectNode out = object();
                    ArrayNode cases = out.putArray("cases");
                    results.cases().forEach(c -> {
                        ObjectNode item = cases.addObject().put("caseId", c.caseId()).put("templateId", c.templateId());
                        ArrayNode values = item.putArray("fields");
                        c.fields().forEach(v -> values.addObject().put("id", v.fieldId())
                                .set("value", WireJson.fieldValue(v.value())));
                        item.set("tags", tags(c.tags()));
                    });
                    if (results.nextToken() != null) {
                        out.put("nextToken", results.nextToken());
                    }
                    out.put("totalCount", results.totalCount());
                    return out;
                },
                "SearchAllRelatedItems", (in, caller) -> {
                    List<RelatedItemFilter> filters = list(in, "filters", RelatedItemOperations::filter);
                    List<RelatedItemSort> sorts = list(in, "sorts", s -> new RelatedItemSort(
                            RelatedItemSortProperty.valueOf(text(s, "sortProperty")), "Asc".equals(text(s,
                            "sortOrder"))));
                    var results = service.searchAllRelatedItems(new SearchAllRelatedItems(caller,
                            text(in, "domainId"), filters == null ? List.of() : filters,
                            sorts == null ? List.of() : sorts, page(in)));
                    ObjectNode out = object();
                    ArrayNode items = out.putArray("relatedItems");
                    results.items().forEach(view -> items.add(item(view)));
                    if (results.nextToken() != null) {
                        out.put("nextToken", results.nextToken());
                    }
                    return out;
                });
    }

    private static ObjectNode item(RelatedItemView view) {
        RelatedItem item = view.item();
        ObjectNode out = object().put("relatedItemId", item.relatedItemId()).put("caseId", item.caseId())
                .put("type", item.type().name()).put("associationTime", timestamp(item.associationTime()));
        out.set("content", RelatedItemOperations.content(item.content(), view.readAt()));
        out.set("tags", tags(view.tags()));
        if (item.createdBy() != null) {
            out.set("performedBy", CaseOperations.user(item.createdBy()));
        }
        return out;
    }
}
