package io.opencases.bootstrap.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restJson1 details a hand-written client meets, over raw HTTP (authentication off): trailing-slash URIs,
 * percent-encoded ARN labels, repeated query members, the error envelope, malformed JSON and unknown routes.
 */
class WireProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.startWithoutAuthentication();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        var publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                        .method(method, publisher).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amzn-RequestId")).isPresent();
        return JSON.readTree(response.body());
    }

    private static String createDomain() throws Exception {
        return ok(send("POST", "/domains", "{\"name\":\"wire-" + System.nanoTime() + "\"}")).get("domainId").asText();
    }

    @Test
    void bothTrailingSlashUrisRouteWithAndWithoutTheSlash() throws Exception {
        String domainId = createDomain();

        assertThat(ok(send("POST", "/domains/" + domainId + "/rules-list/", "{}")).has("caseRules")).isTrue();
        assertThat(ok(send("POST", "/domains/" + domainId + "/rules-list", "{}")).has("caseRules")).isTrue();
    }

    @Test
    void arnLabelArrivesPercentEncoded() throws Exception {
        String domainId = createDomain();
        String arn = "arn:aws:cases:us-east-1:111111111111:domain/" + domainId;
        String encoded = URLEncoder.encode(arn, StandardCharsets.UTF_8);
        assertThat(encoded).contains("%3A").contains("%2F");

        ok(send("POST", "/tags/" + encoded, "{\"tags\":{\"team\":\"blue\",\"tier\":\"1\"}}"));
        assertThat(ok(send("GET", "/tags/" + encoded, null)).get("tags").get("team").asText()).isEqualTo("blue");
        ok(send("DELETE", "/tags/" + encoded + "?tagKeys=team&tagKeys=tier", null));
        assertThat(ok(send("GET", "/tags/" + encoded, null)).get("tags").size()).isZero();
    }

    @Test
    void repeatedQueryMembersBindToLists() throws Exception {
        String domainId = createDomain();
        ok(send("POST", "/domains/" + domainId + "/templates", "{\"name\":\"a\",\"status\":\"Active\"}"));
        ok(send("POST", "/domains/" + domainId + "/templates", "{\"name\":\"i\",\"status\":\"Inactive\"}"));

        JsonNode both = ok(send("POST", "/domains/" + domainId + "/templates-list?status=Active&status=Inactive",
                "{}"));
        JsonNode inactive = ok(send("POST", "/domains/" + domainId + "/templates-list?status=Inactive", ""));

        assertThat(both.get("templates").size()).isEqualTo(2);
        assertThat(inactive.get("templates").size()).isEqualTo(1);
        assertThat(inactive.get("templates").get(0).get("name").asText()).isEqualTo("i");
    }

    @Test
    void timestampsAreIsoStringsAndNullMeansAbsent() throws Exception {
        String domainId = createDomain();
        JsonNode domain = ok(send("POST", "/domains/" + domainId, null));
        assertThat(Instant.parse(domain.get("createdTime").asText())).isBeforeOrEqualTo(Instant.now());

        String templateId = ok(send("POST", "/domains/" + domainId + "/templates",
                "{\"name\":\"t\",\"description\":\"kept\",\"unknownMember\":42}")).get("templateId").asText();
        ok(send("PUT", "/domains/" + domainId + "/templates/" + templateId,
                "{\"name\":\"renamed\",\"description\":null}"));
        JsonNode template = ok(send("POST", "/domains/" + domainId + "/templates/" + templateId, "{}"));
        assertThat(template.get("name").asText()).isEqualTo("renamed");
        assertThat(template.get("description").asText()).isEqualTo("kept");
    }

    @Test
    void malformedJsonIsAValidationErrorWithTheAwsEnvelope() throws Exception {
        HttpResponse<String> response = send("POST", "/domains", "{\"name\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("ValidationException");
        assertThat(response.headers().firstValue("X-Amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body()).get("message").asText()).isNotBlank();
    }

    @Test
    void validationMessageNamesTheOffendingMember() throws Exception {
        String domainId = createDomain();
        HttpResponse<String> response = send("POST", "/domains/" + domainId + "/fields",
                "{\"name\":\"f\",\"type\":\"Colour\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("type").contains("Colour");
    }

    @Test
    void notFoundCarriesResourceIdAndType() throws Exception {
        HttpResponse<String> response = send("POST", "/domains/nope/layouts-list", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("ResourceNotFoundException");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("resourceId").asText()).isEqualTo("nope");
        assertThat(body.get("resourceType").asText()).isEqualTo("Domain");
    }

    @Test
    void unknownRouteIs404() throws Exception {
        assertThat(send("POST", "/no/such/route", "{}").statusCode()).isEqualTo(404);
        assertThat(send("PATCH", "/domains", "{}").statusCode()).isEqualTo(404);
    }

    /** Text attributes (isMultiline) postdate the SDK release on Maven Central, so they are tested on the wire. */
    @Test
    void textAttributesRoundTripAndOnlyFitTextFields() throws Exception {
        String domainId = createDomain();
        String fieldId = ok(send("POST", "/domains/" + domainId + "/fields", "{\"name\":\"notes\",\"type\":\"Text\","
                + "\"attributes\":{\"text\":{\"isMultiline\":true}}}")).get("fieldId").asText();

        JsonNode field = ok(send("POST", "/domains/" + domainId + "/fields-batch",
                "{\"fields\":[{\"id\":\"" + fieldId + "\"}]}")).get("fields").get(0);
        assertThat(field.at("/attributes/text/isMultiline").asBoolean()).isTrue();
        JsonNode listed = ok(send("POST", "/domains/" + domainId + "/fields-list", "{}")).get("fields");
        assertThat(listed.findValues("attributes")).hasSize(1);

        HttpResponse<String> number = send("POST", "/domains/" + domainId + "/fields", "{\"name\":\"n\","
                + "\"type\":\"Number\",\"attributes\":{\"text\":{\"isMultiline\":false}}}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(number.body()).contains("attributes.text");
    }

    /** Compound conditions and tag propagation also postdate the SDK on Maven Central. */
    @Test
    void compoundConditionsAndTagPropagationRoundTrip() throws Exception {
        String domainId = createDomain();
        String rule = "{\"name\":\"r\",\"rule\":{\"required\":{\"defaultValue\":false,\"conditions\":[{\"orAll\":"
                + "{\"conditions\":[{\"equalTo\":{\"operandOne\":{\"fieldId\":\"status\"},\"operandTwo\":"
                + "{\"stringValue\":\"closed\"},\"result\":true}},{\"andAll\":{\"conditions\":[]}}]}}]}}}";
        String ruleId = ok(send("POST", "/domains/" + domainId + "/case-rules", rule)).get("caseRuleId").asText();
        JsonNode stored = ok(send("POST", "/domains/" + domainId + "/rules-batch",
                "{\"caseRules\":[{\"id\":\"" + ruleId + "\"}]}")).get("caseRules").get(0).get("rule");
        assertThat(stored).isEqualTo(JSON.readTree(rule).get("rule"));

        String tooDeep = rule.replace("{\"andAll\":{\"conditions\":[]}}",
                "{\"andAll\":{\"conditions\":[{\"andAll\":{\"conditions\":[]}}]}}").replace("\"r\"", "\"deep\"");
        HttpResponse<String> deep = send("POST", "/domains/" + domainId + "/case-rules", tooDeep);
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(deep.body()).contains("nested");

        String templateId = ok(send("POST", "/domains/" + domainId + "/templates", "{\"name\":\"t\","
                + "\"tagPropagationConfigurations\":[{\"resourceType\":\"Cases\",\"tagMap\":{\"team\":\"blue\"}}]}"))
                .get("templateId").asText();
        JsonNode summary = ok(send("POST", "/domains/" + domainId + "/templates-list", "{}")).get("templates").get(0);
        assertThat(summary.get("templateId").asText()).isEqualTo(templateId);
        assertThat(summary.at("/tagPropagationConfigurations/0/tagMap/team").asText()).isEqualTo("blue");
    }

    /** CreateCase tags postdate the SDK on Maven Central: template tags propagate, request tags win on conflict. */
    @Test
    void caseTagsCombineTemplatePropagationAndTheRequest() throws Exception {
        String domainId = createDomain();
        String templateId = ok(send("POST", "/domains/" + domainId + "/templates", "{\"name\":\"t\","
                + "\"tagPropagationConfigurations\":[{\"resourceType\":\"Cases\",\"tagMap\":"
                + "{\"team\":\"blue\",\"tier\":\"gold\"}}]}")).get("templateId").asText();
        String body = "{\"templateId\":\"" + templateId + "\",\"tags\":{\"tier\":\"silver\",\"vip\":\"yes\"},"
                + "\"fields\":[{\"id\":\"title\",\"value\":{\"stringValue\":\"t\"}},{\"id\":\"customer_id\","
                + "\"value\":{\"stringValue\":\"arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p\"}}]}";
        String caseId = ok(send("POST", "/domains/" + domainId + "/cases", body)).get("caseId").asText();

        JsonNode got = ok(send("POST", "/domains/" + domainId + "/cases/" + caseId,
                "{\"fields\":[{\"id\":\"title\"}]}"));
        assertThat(JSON.convertValue(got.get("tags"), java.util.Map.class))
                .isEqualTo(java.util.Map.of("team", "blue", "tier", "silver", "vip", "yes"));
    }
}
