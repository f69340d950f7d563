package io.opencases.bootstrap.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SigV4 as the SDK signs it: the key decides the account, and every bad signature is refused with AWS's codes. */
class AuthenticationConformanceTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signedRequestsOfAKnownKeyAreServed() {
        try (var client = server.client()) {
            assertThat(client.listDomains(b -> { }).domains()).isNotNull();
        }
    }

    @Test
    void unknownAccessKeyIsUnrecognized() {
        try (var client = server.client("AKIDUNKNOWN", "whatever", TestServer.REGION)) {
            assertThatThrownBy(() -> client.listDomains(b -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                    });
        }
    }

    @Test
    void wrongSecretIsAnInvalidSignature() {
        try (var client = server.client(TestServer.ACCOUNT_A.accessKeyId(), "not-the-secret", TestServer.REGION)) {
            assertThatThrownBy(() -> client.createDomain(b -> b.name("never-created")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
        try (var client = server.client()) {
            assertThat(client.listDomains(b -> { }).domains()).noneMatch(d -> d.name().equals("never-created"));
        }
    }

    @Test
    void credentialScopedToAnotherRegionIsRefused() {
        try (var client = server.client(TestServer.ACCOUNT_A.accessKeyId(), TestServer.ACCOUNT_A.secretAccessKey(),
                "eu-west-1")) {
            assertThatThrownBy(() -> client.listDomains(b -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
    }

    @Test
    void unsignedRequestIsMissingAuthentication() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/domains-list"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(response.body()).contains("\"message\"");
    }

    @Test
    void healthNeedsNoSignature() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
