package io.opencases.bootstrap.conformance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.CaseFilter;
import software.amazon.awssdk.services.connectcases.model.FieldFilter;
import software.amazon.awssdk.services.connectcases.model.Order;
import software.amazon.awssdk.services.connectcases.model.RelatedItemInputContent;
import software.amazon.awssdk.services.connectcases.model.RelatedItemType;
import software.amazon.awssdk.services.connectcases.model.RelatedItemTypeFilter;
import software.amazon.awssdk.services.connectcases.model.SearchAllRelatedItemsResponseItem;
import software.amazon.awssdk.services.connectcases.model.SearchAllRelatedItemsSortProperty;
import software.amazon.awssdk.services.connectcases.model.SearchCasesResponseItem;
import software.amazon.awssdk.services.connectcases.model.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SearchCases and SearchAllRelatedItems: the filter algebra, full text, sorts, projection, paging, consistency. */
class SearchConformanceTest extends ConformanceSuite {
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";

    private String domainId;
    private String templateId;
    private String amount;
    private final Map<String, String> caseByTitle = new java.util.HashMap<>();

    @BeforeEach
    void casesToSearch() {
        domainId = newDomain();
        templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();
        amount = cases.createField(b -> b.domainId(domainId).name("amount").type("Number")).fieldId();
        create("Printer on fire", 100, "open");
        create("Printer jammed", 20, "closed");
        create("Laptop screen cracked", 350, "open");
        create("Password reset", 0, "open");
    }

    private void create(String title, double value, String status) {
        String caseId = cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(
                CaseConformanceTest.text("title", title), CaseConformanceTest.text("customer_id", CUSTOMER),
                CaseConformanceTest.number(amount, value), CaseConformanceTest.text("status", status))).caseId();
        caseByTitle.put(title, caseId);
    }

    private List<String> titles(CaseFilter filter, String term, Order amountOrder) {
        var response = cases.searchCases(b -> {
            b.domainId(domainId).fields(f -> f.id("title")).filter(filter).searchTerm(term);
            if (amountOrder != null) {
                b.sorts(s -> s.fieldId(amount).sortOrder(amountOrder));
            }
        });
        return response.cases().stream().map(c -> c.fields().get(0).value().stringValue()).toList();
    }

    private static CaseFilter field(java.util.function.Consumer<FieldFilter.Builder> f) {
        return CaseFilter.builder().field(FieldFilter.builder().applyMutation(f).build()).build();
    }

    @Test
    void fieldComparisonsOnNumbersAndText() {
        assertThat(titles(field(f -> f.greaterThan(CaseConformanceTest.number(amount, 50))), null, Order.ASC))
                .containsExactly("Printer on fire", "Laptop screen cracked");
        assertThat(titles(field(f -> f.lessThanOrEqualTo(CaseConformanceTest.number(amount, 20))), null, Order.ASC))
                .containsExactly("Password reset", "Printer jammed");
        assertThat(titles(field(f -> f.equalTo(CaseConformanceTest.text("status", "closed"))), null, null))
                .containsExactly("Printer jammed");
        assertThat(titles(field(f -> f.contains(CaseConformanceTest.text("title", "PRINTER"))), null, Order.DESC))
                .containsExactly("Printer on fire", "Printer jammed");
    }

    @Test
    void notAndAllOrAllAndEmptyValue() {
        CaseFilter printers = field(f -> f.contains(CaseConformanceTest.text("title", "printer")));
        CaseFilter open = field(f -> f.equalTo(CaseConformanceTest.text("status", "open")));
        assertThat(titles(CaseFilter.builder().andAll(printers, open).build(), null, null))
                .containsExactly("Printer on fire");
        assertThat(titles(CaseFilter.builder().not(printers).build(), null, Order.ASC))
                .containsExactly("Password reset", "Laptop screen cracked");
        assertThat(titles(CaseFilter.builder().orAll(field(f -> f.equalTo(CaseConformanceTest.number(amount, 0))),
                field(f -> f.equalTo(CaseConformanceTest.number(amount, 350)))).build(), null, Order.ASC))
                .containsExactly("Password reset", "Laptop screen cracked");
        assertThat(titles(field(f -> f.equalTo(CaseConformanceTest.empty("summary"))), null, null)).hasSize(4);
    }

    @Test
    void searchTermMatchesWordPrefixesCaseInsensitively() {
        assertThat(titles(null, "print FIRE", null)).containsExactly("Printer on fire");
        assertThat(titles(null, "laptop", null)).containsExactly("Laptop screen cracked");
        String reference = cases.getCase(b -> b.domainId(domainId).caseId(caseByTitle.get("Password reset"))
                .fields(f -> f.id("reference_number"))).fields().get(0).value().stringValue();
        assertThat(titles(null, reference, null)).contains("Password reset");
        assertThat(titles(null, "nothing-like-this", null)).isEmpty();
    }

    @Test
    void tagFilterAndTagsInResults() throws Exception {
        String caseArn = domainArn(domainId) + "/case/" + caseByTitle.get("Printer jammed");
        cases.tagResource(b -> b.arn(caseArn).tags(Map.of("vip", "yes")));

        // The tag filter and totalCount postdate the SDK on Maven Central: the request is signed by its signer.
        var response = SignedHttp.send(server.endpoint(), TestServer.ACCOUNT_A, "POST",
                "/domains/" + domainId + "/cases-search",
                "{\"filter\":{\"tag\":{\"equalTo\":{\"key\":\"vip\",\"value\":\"yes\"}}}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var found = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertThat(found.get("totalCount").asLong()).isEqualTo(1);
        assertThat(found.get("cases")).singleElement().satisfies(c -> {
            assertThat(c.get("caseId").asText()).isEqualTo(caseByTitle.get("Printer jammed"));
            assertThat(c.at("/tags/vip").asText()).isEqualTo("yes");
            assertThat(c.get("templateId").asText()).isEqualTo(templateId);
        });
    }

    @Test
    void defaultOrderIsLastUpdatedFirstAndWritesAreVisibleAtOnce() {
        cases.updateCase(b -> b.domainId(domainId).caseId(caseByTitle.get("Printer jammed"))
                .fields(CaseConformanceTest.text("summary", "updated last")));
        assertThat(titles(null, null, null).get(0)).isEqualTo("Printer jammed");

        create("Brand new case", 1, "open");
        assertThat(titles(null, "brand", null)).containsExactly("Brand new case");
        cases.deleteCase(b -> b.domainId(domainId).caseId(caseByTitle.get("Brand new case")));
        assertThat(titles(null, "brand", null)).isEmpty();
    }

    @Test
    void pagingIsACursorWithAnExactTotal() {
        var seen = new ArrayList<String>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            var page = cases.searchCases(b -> b.domainId(domainId).maxResults(3).nextToken(next)
                    .sorts(s -> s.fieldId(amount).sortOrder(Order.ASC)).fields(f -> f.id(amount)));
            page.cases().stream().map(SearchCasesResponseItem::caseId).forEach(seen::add);
            if (pages == 0) {
                create("Inserted before the cursor", -5, "open");
            }
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(seen).hasSize(4).doesNotHaveDuplicates().doesNotContain(caseByTitle.get(
                "Inserted before the cursor"));
        assertThatThrownBy(() -> cases.searchCases(b -> b.domainId(domainId).nextToken("bogus")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> cases.searchCases(b -> b.domainId(domainId).maxResults(101)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void searchAllRelatedItemsAcrossCases() {
        String a = caseByTitle.get("Printer on fire");
        String b = caseByTitle.get("Printer jammed");
        for (String caseId : List.of(b, a, b)) {
            cases.createRelatedItem(r -> r.domainId(domainId).caseId(caseId).type(RelatedItemType.COMMENT)
                    .content(RelatedItemInputContent.builder().comment(c -> c.body("on " + caseId)
                            .contentType("Text/Plain")).build()));
        }
        cases.createRelatedItem(r -> r.domainId(domainId).caseId(a).type(RelatedItemType.FILE)
                .content(c -> c.file(f -> f.fileArn("arn:file"))));

        var comments = cases.searchAllRelatedItems(r -> r.domainId(domainId)
                .filters(RelatedItemTypeFilter.builder().comment(c -> { }).build())).relatedItems();
        assertThat(comments).extracting(SearchAllRelatedItemsResponseItem::caseId).containsExactly(b, a, b);

        var byCase = cases.searchAllRelatedItems(r -> r.domainId(domainId)
                .sorts(s -> s.sortProperty(SearchAllRelatedItemsSortProperty.CASE_ID).sortOrder(Order.ASC)))
                .relatedItems();
        assertThat(byCase).hasSize(4);
        assertThat(byCase).extracting(SearchAllRelatedItemsResponseItem::caseId).isSorted();

        var first = cases.searchAllRelatedItems(r -> r.domainId(domainId).maxResults(3));
        var second = cases.searchAllRelatedItems(r -> r.domainId(domainId).maxResults(3)
                .nextToken(first.nextToken()));
        assertThat(first.relatedItems()).hasSize(3);
        assertThat(second.relatedItems()).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo(RelatedItemType.FILE);
            assertThat(i.content().file().fileArn()).isEqualTo("arn:file");
        });
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void deletedFieldValuesStillMatch() {
        String legacy = textField(domainId, "legacy");
        cases.updateCase(b -> b.domainId(domainId).caseId(caseByTitle.get("Password reset"))
                .fields(CaseConformanceTest.text(legacy, "kept value")));
        cases.deleteField(b -> b.domainId(domainId).fieldId(legacy));

        assertThat(titles(field(f -> f.equalTo(CaseConformanceTest.text(legacy, "kept value"))), null, null))
                .containsExactly("Password reset");
        assertThat(titles(null, "kept", null)).containsExactly("Password reset");
    }
}
