package io.opencases.rest.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical forms on their own, for cases the SDK-signed tests reach only indirectly. */
class CanonicalRequestTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "/tags/arn%3Aaws%3Acases%3Aus-east-1%3A111122223333%3Adomain%2Fabc"
                    + " /tags/arn%253Aaws%253Acases%253Aus-east-1%253A111122223333%253Adomain%252Fabc",
            "/domains/abc/ /domains/abc/",
            "/ /",
            "/a%20b/c~d_e.f-g /a%2520b/c~d_e.f-g",
            "/caf%C3%A9 /caf%25C3%25A9",
            "/a/./b/../c /a/c",
            "/a//b /a/b",
            "/a/b/. /a/b",
            "/a/b/.. /a",
            "/.. /",
    })
    void canonicalUriIsTheWirePathEncodedAgain(String rawPath, String expected) {
        assertThat(CanonicalRequest.canonicalUri(rawPath)).isEqualTo(expected);
    }

    @Test
    void emptyPathIsTheRoot() {
        assertThat(CanonicalRequest.canonicalUri("")).isEqualTo("/");
    }

    @Test
    void unencodedCharactersOnTheWireAreEncodedOnce() {
        assertThat(CanonicalRequest.canonicalUri("/a:b/ü")).isEqualTo("/a%3Ab/%C3%BC");
    }

    @Test
    void queryIsSortedByNameThenValueKeepingRepeats() {
        var query = QueryParameter.parse("status=Inactive&b=2&status=Active&a=1&tagKeys=b&tagKeys=a");

        assertThat(CanonicalRequest.canonicalQuery(query, null))
                .isEqualTo("a=1&b=2&status=Active&status=Inactive&tagKeys=a&tagKeys=b");
    }

    @Test
    void queryValuesAreDecodedThenEncodedPerRfc3986() {
        var query = QueryParameter.parse("nextToken=abc%2bdef%3D&q=a%20b&plus=a+b&tilde=%7E&star=*&empty=&bare");

        assertThat(CanonicalRequest.canonicalQuery(query, null))
                .isEqualTo("bare=&empty=&nextToken=abc%2Bdef%3D&plus=a%20b&q=a%20b&star=%2A&tilde=~");
    }

    @Test
    void excludedParameterAndEmptyNamesAreLeftOut() {
        var query = QueryParameter.parse("X-Amz-Signature=abc&=x&&X-Amz-Date=20260101T000000Z");

        assertThat(CanonicalRequest.canonicalQuery(query, "X-Amz-Signature"))
                .isEqualTo("X-Amz-Date=20260101T000000Z");
    }

    @Test
    void noQueryIsAnEmptyLine() {
        assertThat(CanonicalRequest.canonicalQuery(QueryParameter.parse(null), null)).isEmpty();
        assertThat(CanonicalRequest.canonicalQuery(QueryParameter.parse(""), null)).isEmpty();
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndJoined() {
        var out = new StringBuilder();
        List<String> values = new ArrayList<>(List.of("  a   b\t c ", "second"));
        values.add(null);

        CanonicalRequest.appendCanonicalHeader("x-multi", values, out);
        CanonicalRequest.appendCanonicalHeader("x-absent", List.of(), out);

        assertThat(out).hasToString("x-multi:a b c,second\nx-absent:\n");
    }
}
