package io.opencases.rest.wire;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation routes from its own model URI; ARN labels decode; trailing slashes and misses behave. */
class RouterTest {
    private static final ServiceModel MODEL = ServiceModel.load();
    private final Router router = new Router(MODEL);

    @Test
    void theModelHasTheFortySevenOperations() {
        assertThat(MODEL.operations()).hasSize(47);
    }

    /** The batch operations' literal paths carry a ':' that botocore percent-encodes and other clients do not. */
    @Test
    void batchPathsMatchWithTheColonRawOrEncoded() {
        for (String path : new String[] {"/cases:batchUpdateCase", "/cases%3AbatchUpdateCase", "/cases%3abatchUpdateCase"}) {
            assertThat(router.match("POST", path).orElseThrow().operation().name()).isEqualTo("BatchUpdateCase");
        }
        assertThat(router.match("POST", "/cases%3AbatchCreateRelatedItem").orElseThrow().operation().name())
                .isEqualTo("BatchCreateRelatedItem");
        assertThat(router.match("POST", "/domains/d1/cases/c1/merge").orElseThrow().operation().name())
                .isEqualTo("StartMergeCases");
        assertThat(router.match("POST", "/domains/d1/cases/c1/merge-status").orElseThrow().operation().name())
                .isEqualTo("GetMergeCasesStatus");
    }

    @Test
    void everyOperationRoutesFromItsOwnUri() {
        for (Operation op : MODEL.operations()) {
            String path = op.uri().replaceAll("\\{([^}]+)}", "sample-$1");
            var match = router.match(op.method(), path);
            assertThat(match).as(op.name()).isPresent();
            assertThat(match.get().operation().name()).as(path).isEqualTo(op.name());
            match.get().labels().forEach((label, value) -> assertThat(value).isEqualTo("sample-" + label));
        }
    }

    @Test
    void methodDistinguishesOperationsOnOneUri() {
        assertThat(router.match("POST", "/domains/d1/cases/c1").orElseThrow().operation().name())
                .isEqualTo("GetCase");
        assertThat(router.match("PUT", "/domains/d1/cases/c1").orElseThrow().operation().name())
                .isEqualTo("UpdateCase");
        assertThat(router.match("DELETE", "/domains/d1/cases/c1").orElseThrow().operation().name())
                .isEqualTo("DeleteCase");
        assertThat(router.match("POST", "/domains/d1").orElseThrow().operation().name()).isEqualTo("GetDomain");
        assertThat(router.match("DELETE", "/domains/d1").orElseThrow().operation().name())
                .isEqualTo("DeleteDomain");
    }

    @Test
    void arnLabelKeepsEncodedSlashesInsideOneSegment() {
        String path = "/tags/arn%3Aaws%3Acases%3Aus-east-1%3A111122223333%3Adomain%2Fabc";
        for (var expected : Map.of("GET", "ListTagsForResource", "POST", "TagResource", "DELETE",
                "UntagResource").entrySet()) {
            var match = router.match(expected.getKey(), path).orElseThrow();
            assertThat(match.operation().name()).isEqualTo(expected.getValue());
            assertThat(match.labels()).containsEntry("arn", "arn:aws:cases:us-east-1:111122223333:domain/abc");
        }
    }

    @Test
    void trailingSlashUrisMatchWithAndWithoutTheSlash() {
        assertThat(router.match("POST", "/domains/d1/rules-list/").orElseThrow().operation().name())
                .isEqualTo("ListCaseRules");
        assertThat(router.match("POST", "/domains/d1/rules-list").orElseThrow().operation().name())
                .isEqualTo("ListCaseRules");
        assertThat(router.match("POST", "/domains/d1/cases/c1/related-items/").orElseThrow().operation().name())
                .isEqualTo("CreateRelatedItem");
        assertThat(router.match("POST", "/domains/d1/cases/c1/related-items").orElseThrow().operation().name())
                .isEqualTo("CreateRelatedItem");
    }

    @Test
    void literalSegmentsWinOverLabels() {
        assertThat(router.match("POST", "/domains-list").orElseThrow().operation().name()).isEqualTo("ListDomains");
        assertThat(router.match("POST", "/domains/d1/cases-search").orElseThrow().operation().name())
                .isEqualTo("SearchCases");
    }

    @Test
    void unknownPathsWrongMethodsAndEmptyLabelsDoNotMatch() {
        assertThat(router.match("POST", "/nothing/here")).isEmpty();
        assertThat(router.match("PATCH", "/domains")).isEmpty();
        assertThat(router.match("GET", "/domains/d1")).isEmpty();
        assertThat(router.match("POST", "/domains//layouts")).isEmpty();
    }

    @Test
    void decodingLeavesPlusAlone() {
        assertThat(Router.decode("a+b%20c%2Fd")).isEqualTo("a+b c/d");
        assertThat(Router.decode("%E2%82%AC")).isEqualTo("€");
        assertThat(Router.decode("100%")).isEqualTo("100%");
    }
}
