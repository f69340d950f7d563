package io.opencases.bootstrap.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opencases.rest.auth.Credentials;

import java.net.URI;

/**
 * The four operations newer than the AWS SDK for Java on Maven Central (BatchUpdateCase, BatchCreateRelatedItem,
 * StartMergeCases, GetMergeCasesStatus), sent as the newest model binds them and signed by the SDK's own SigV4
 * signer (see SignedHttp).
 */
public final class NewestOperations {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The status, X-Amzn-ErrorType (null on success) and JSON body of an answer. */
    public record Answer(int status, String errorType, JsonNode body) {
        public String message() {
            return body.path("message").asText();
        }
    }

    private final URI endpoint;
    private final Credentials credentials;

    public NewestOperations(URI endpoint, Credentials credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    public Answer batchUpdateCase(String json) {
        return send("POST", "/cases:batchUpdateCase", json);
    }

    public Answer batchCreateRelatedItem(String json) {
        return send("POST", "/cases:batchCreateRelatedItem", json);
    }

    public Answer startMergeCases(String domainId, String primaryCaseId, String json) {
        return send("POST", "/domains/" + domainId + "/cases/" + primaryCaseId + "/merge", json);
    }

    public Answer getMergeCasesStatus(String domainId, String caseId) {
        return send("POST", "/domains/" + domainId + "/cases/" + caseId + "/merge-status", "");
    }

    public Answer send(String method, String path, String json) {
        var response = SignedHttp.send(endpoint, credentials, method, path, json);
        try {
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("X-Amzn-ErrorType").orElse(null),
                    body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** {"caseIdentifier":{"caseId":...}} */
    public static String byId(String caseId) {
        return "{\"caseIdentifier\":{\"caseId\":\"" + caseId + "\"}}";
    }

    public static String byReference(String referenceId) {
        return "{\"caseIdentifier\":{\"referenceId\":\"" + referenceId + "\"}}";
    }
}
