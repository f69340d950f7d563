package io.opencases.bootstrap.conformance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.Order;
import software.amazon.awssdk.services.connectcases.model.RelatedItemInputContent;
import software.amazon.awssdk.services.connectcases.model.RelatedItemType;
import software.amazon.awssdk.services.connectcases.model.RelatedItemTypeFilter;
import software.amazon.awssdk.services.connectcases.model.SearchAllRelatedItemsRequest;
import software.amazon.awssdk.services.connectcases.model.SearchAllRelatedItemsResponseItem;
import software.amazon.awssdk.services.connectcases.model.SearchAllRelatedItemsSort;
import software.amazon.awssdk.services.connectcases.model.SearchAllRelatedItemsSortProperty;
import software.amazon.awssdk.services.connectcases.model.ValidationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SearchAllRelatedItems' order and paging over HTTP: every sort walked one item a page gives the order of one
 * large page, and a page continues after its last item's sort key, even when that item is gone.
 */
class SearchAllRelatedItemsConformanceTest extends ConformanceSuite {
    private String domainId;
    private final List<String> caseIds = new ArrayList<>();

    @BeforeEach
    void itemsOverThreeCases() {
        domainId = newDomain();
        String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();
        caseIds.clear();
        for (int i = 0; i < 3; i++) {
            caseIds.add(cases.createCase(b -> b.domainId(domainId).templateId(templateId)
                    .fields(CaseConformanceTest.text("title", "case"))).caseId());
        }
        // Interleaved across the cases, so that association order and case order differ.
        for (int round = 0; round < 3; round++) {
            for (String caseId : caseIds) {
                comment(caseId, "round " + round);
            }
        }
        cases.createRelatedItem(r -> r.domainId(domainId).caseId(caseIds.get(1)).type(RelatedItemType.FILE)
                .content(c -> c.file(f -> f.fileArn("arn:file"))));
    }

    private String comment(String caseId, String body) {
        return cases.createRelatedItem(r -> r.domainId(domainId).caseId(caseId).type(RelatedItemType.COMMENT)
                .content(RelatedItemInputContent.builder().comment(c -> c.body(body).contentType("Text/Plain"))
                        .build())).relatedItemId();
    }

    private static SearchAllRelatedItemsSort sort(SearchAllRelatedItemsSortProperty property, Order order) {
        return SearchAllRelatedItemsSort.builder().sortProperty(property).sortOrder(order).build();
    }

    /** The documented order: the sorts in turn, then case id and item id ascending. */
    private static Comparator<SearchAllRelatedItemsResponseItem> order(List<SearchAllRelatedItemsSort> sorts) {
        Comparator<SearchAllRelatedItemsResponseItem> order = (a, b) -> 0;
        List<SearchAllRelatedItemsSort> effective = sorts.isEmpty()
                ? List.of(sort(SearchAllRelatedItemsSortProperty.ASSOCIATION_TIME, Order.ASC)) : sorts;
        for (SearchAllRelatedItemsSort sort : effective) {
            Comparator<SearchAllRelatedItemsResponseItem> key =
                    sort.sortProperty() == SearchAllRelatedItemsSortProperty.CASE_ID
                            ? Comparator.comparing(SearchAllRelatedItemsResponseItem::caseId)
                            : Comparator.comparing(SearchAllRelatedItemsResponseItem::associationTime);
            order = order.thenComparing(sort.sortOrder() == Order.DESC ? key.reversed() : key);
        }
        return order.thenComparing(SearchAllRelatedItemsResponseItem::caseId)
                .thenComparing(SearchAllRelatedItemsResponseItem::relatedItemId);
    }

    private List<SearchAllRelatedItemsResponseItem> walk(Consumer<SearchAllRelatedItemsRequest.Builder> request,
                                                         int maxResults) {
        var items = new ArrayList<SearchAllRelatedItemsResponseItem>();
        String token = null;
        do {
            String next = token;
            var response = cases.searchAllRelatedItems(r -> r.applyMutation(request).domainId(domainId)
                    .maxResults(maxResults).nextToken(next));
            assertThat(response.relatedItems()).hasSizeLessThanOrEqualTo(maxResults);
            items.addAll(response.relatedItems());
            token = response.nextToken();
        } while (token != null);
        return items;
    }

    @Test
    void everySortWalkedOneItemAPageIsTheOrderOfOnePage() {
        var asc = Order.ASC;
        var desc = Order.DESC;
        var time = SearchAllRelatedItemsSortProperty.ASSOCIATION_TIME;
        var caseId = SearchAllRelatedItemsSortProperty.CASE_ID;
        List<List<SearchAllRelatedItemsSort>> sorts = List.of(List.of(), List.of(sort(time, desc)),
                List.of(sort(caseId, desc)), List.of(sort(caseId, asc), sort(time, desc)),
                List.of(sort(time, desc), sort(caseId, asc)));
        for (List<SearchAllRelatedItemsSort> s : sorts) {
            List<SearchAllRelatedItemsResponseItem> onePage = walk(r -> r.sorts(s), 25);
            assertThat(onePage).hasSize(10).isSortedAccordingTo(order(s));
            assertThat(walk(r -> r.sorts(s), 1)).as("%s", s).containsExactlyElementsOf(onePage);
            assertThat(walk(r -> r.sorts(s), 3)).as("%s", s).containsExactlyElementsOf(onePage);
        }
        var comments = walk(r -> r.filters(RelatedItemTypeFilter.builder().comment(c -> { }).build())
                .sorts(sort(caseId, desc)), 2);
        assertThat(comments).hasSize(9).isSortedAccordingTo(order(List.of(sort(caseId, desc))))
                .allSatisfy(i -> assertThat(i.type()).isEqualTo(RelatedItemType.COMMENT));
    }

    @Test
    void aPageContinuesAfterItsLastItemEvenWhenThatItemIsDeletedAndSeesNewItems() {
        var first = cases.searchAllRelatedItems(r -> r.domainId(domainId).maxResults(4));
        SearchAllRelatedItemsResponseItem last = first.relatedItems().get(3);

        cases.deleteRelatedItem(r -> r.domainId(domainId).caseId(last.caseId()).relatedItemId(last.relatedItemId()));
        String added = comment(caseIds.get(0), "late");
        var second = cases.searchAllRelatedItems(r -> r.domainId(domainId).maxResults(25)
                .nextToken(first.nextToken()));

        Comparator<SearchAllRelatedItemsResponseItem> order = order(List.of());
        List<String> expected = walk(r -> { }, 25).stream().filter(i -> order.compare(i, last) > 0)
                .map(SearchAllRelatedItemsResponseItem::relatedItemId).toList();
        assertThat(expected).hasSize(7).contains(added).doesNotContain(last.relatedItemId());
        assertThat(second.relatedItems()).extracting(SearchAllRelatedItemsResponseItem::relatedItemId)
                .containsExactlyElementsOf(expected);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void aTokenBelongsToItsRequest() {
        String token = cases.searchAllRelatedItems(r -> r.domainId(domainId).maxResults(2)).nextToken();

        assertThatThrownBy(() -> cases.searchAllRelatedItems(r -> r.domainId(domainId).nextToken(token)
                .sorts(sort(SearchAllRelatedItemsSortProperty.CASE_ID, Order.ASC))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nextToken");
        assertThatThrownBy(() -> cases.searchAllRelatedItems(r -> r.domainId(domainId).nextToken("bogus")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nextToken");
        assertThatThrownBy(() -> cases.searchAllRelatedItems(r -> r.domainId(domainId).maxResults(26)))
                .isInstanceOf(ValidationException.class);
    }
}
