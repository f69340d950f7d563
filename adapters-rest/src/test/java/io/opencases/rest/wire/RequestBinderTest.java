package io.opencases.rest.wire;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Body, labels and query parameters become one input structure, bound where the model says. */
class RequestBinderTest {
    private static final ServiceModel MODEL = ServiceModel.load();
    private final RequestBinder binder = new RequestBinder(MODEL);

    private static Operation op(String name) {
        return MODEL.operation(name).orElseThrow();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void queryIntegersAndRepeatedListsBind() {
        var input = binder.bind(op("ListTemplates"), Map.of("domainId", "d1"),
                Map.of("maxResults", List.of("5"), "status", List.of("Active", "Inactive"), "ignored", List.of("x")),
                new byte[0]);

        assertThat(input.get("domainId").asText()).isEqualTo("d1");
        assertThat(input.get("maxResults").isIntegralNumber()).isTrue();
        assertThat(input.get("maxResults").asInt()).isEqualTo(5);
        assertThat(input.get("status").toString()).isEqualTo("[\"Active\",\"Inactive\"]");
        assertThat(input.has("ignored")).isFalse();
    }

    @Test
    void untagKeysBindFromTheQuery() {
        var input = binder.bind(op("UntagResource"), Map.of("arn", "arn:x"),
                Map.of("tagKeys", List.of("a", "b")), null);

        assertThat(input.get("tagKeys")).hasSize(2);
        assertThat(input.get("arn").asText()).isEqualTo("arn:x");
    }

    @Test
    void nonNumericMaxResultsNamesTheMember() {
        assertThatThrownBy(() -> binder.bind(op("ListDomains"), Map.of(), Map.of("maxResults", List.of("abc")),
                null))
                .isInstanceOf(WireException.class)
                .hasMessageContaining("maxResults");
    }

    @Test
    void malformedJsonAndNonObjectBodiesAreValidationErrors() {
        assertThatThrownBy(() -> binder.bind(op("CreateDomain"), Map.of(), Map.of(), json("{\"name\":")))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("ValidationException");
                });
        assertThatThrownBy(() -> binder.bind(op("CreateDomain"), Map.of(), Map.of(), json("[1,2]")))
                .isInstanceOf(WireException.class);
    }

    @Test
    void nullMeansAbsentAtEveryDepthAndLabelsBeatTheBody() {
        var input = binder.bind(op("UpdateTemplate"), Map.of("domainId", "d1", "templateId", "t1"), Map.of(),
                json("{\"domainId\":\"evil\",\"name\":null,\"layoutConfiguration\":{\"defaultLayout\":null},"
                        + "\"description\":\"x\"}"));

        assertThat(input.get("domainId").asText()).isEqualTo("d1");
        assertThat(input.has("name")).isFalse();
        assertThat(input.get("layoutConfiguration").has("defaultLayout")).isFalse();
        assertThat(input.get("description").asText()).isEqualTo("x");
    }

    @Test
    void emptyOrBlankBodyIsAnEmptyStructure() {
        assertThat(binder.bind(op("ListDomains"), Map.of(), Map.of(), json("  \n"))).isEmpty();
    }
}
