package io.opencases.rest.auth;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.opencases.rest.auth.SdkSigner.ACCOUNT;
import static io.opencases.rest.auth.SdkSigner.NOW;
import static io.opencases.rest.auth.SdkSigner.authorization;
import static io.opencases.rest.auth.SdkSigner.request;
import static io.opencases.rest.auth.SdkSigner.withBody;
import static io.opencases.rest.auth.SdkSigner.withHeader;
import static io.opencases.rest.auth.SdkSigner.withPath;
import static io.opencases.rest.auth.SdkSigner.withQuery;
import static io.opencases.rest.auth.SdkSigner.withoutHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The verifier against requests signed by the AWS SDK's own signer: accepted as signed, refused once altered. */
class SigV4VerifierTest {
    private static final String TAGS_PATH = "/tags/arn%3Aaws%3Acases%3Aus-east-1%3A111122223333%3Adomain%2Fabc";
    private static final Credentials OTHER_ACCOUNT = new Credentials("AKIDOTHER", "other-secret", "444455556666");

    private final SigV4Verifier verifier = verifierAt(NOW);

    private static SigV4Verifier verifierAt(Instant now) {
        return new SigV4Verifier(new StaticCredentialStore(List.of(ACCOUNT, OTHER_ACCOUNT)), SdkSigner.REGION,
                SdkSigner.SERVICE, Clock.fixed(now, ZoneOffset.UTC));
    }

    private AuthenticationException refusal(SignedRequest request) {
        return refusal(verifier, request);
    }

    private static AuthenticationException refusal(SigV4Verifier verifier, SignedRequest request) {
        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> verifier.verify(request));
        assertThat(e).as("the request should have been refused").isNotNull();
        return e;
    }

    private static SignedRequest createDomain() {
        return request("POST", "/domains").json("{\"name\":\"support\"}").sign();
    }

    private static void assertInvalidSignature(AuthenticationException e, String messagePart) {
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(e.getMessage()).contains(messagePart);
    }

    private static void assertSignatureMismatch(AuthenticationException e) {
        assertInvalidSignature(e, "The request signature we calculated does not match the signature you provided."
                + " Check your AWS Secret Access Key and signing method.");
    }

    private static void assertIncomplete(AuthenticationException e, String messagePart) {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorType()).isEqualTo("IncompleteSignatureException");
        assertThat(e.getMessage()).contains(messagePart);
    }

    @Nested
    class AcceptsWhatTheSdkSigns {

        @Test
        void postWithJsonBody() {
            SignedRequest request = createDomain();

            assertThat(authorization(request)).contains("SignedHeaders=content-type;host;x-amz-content-sha256;");
            assertThat(verifier.verify(request)).isEqualTo(ACCOUNT);
        }

        @Test
        void theKeyDecidesTheAccount() {
            SignedRequest request = request("POST", "/domains-list").json("{}")
                    .key(OTHER_ACCOUNT.accessKeyId(), OTHER_ACCOUNT.secretAccessKey()).sign();

            assertThat(verifier.verify(request).accountId()).isEqualTo("444455556666");
        }

        @Test
        void getOnAnEncodedArnPath() {
            SignedRequest request = request("GET", TAGS_PATH).sign();

            assertThat(request.rawPath()).isEqualTo(TAGS_PATH);
            assertThat(verifier.verify(request)).isEqualTo(ACCOUNT);
        }

        @Test
        void deleteWithRepeatedQueryParameters() {
            SignedRequest request = request("DELETE", TAGS_PATH + "?tagKeys=team&tagKeys=cost%20center&tagKeys=a")
                    .sign();

            assertThat(request.rawQuery()).isEqualTo("tagKeys=team&tagKeys=cost%20center&tagKeys=a");
            assertThat(verifier.verify(request)).isEqualTo(ACCOUNT);
        }

        @Test
        void postWithEncodedQueryValues() {
            SignedRequest request = request("POST", "/domains-list?maxResults=5&nextToken=abc%2Bdef%3D").json("{}")
                    .sign();

            assertThat(verifier.verify(request)).isEqualTo(ACCOUNT);
        }

        @Test
        void pathsEndingInASlash() {
            assertThat(verifier.verify(request("GET", "/domains/").sign())).isEqualTo(ACCOUNT);
            assertThat(verifier.verify(request("GET", "/").sign())).isEqualTo(ACCOUNT);
            assertThat(verifier.verify(request("PUT", TAGS_PATH + "/").json("{\"tags\":{}}").sign()))
                    .isEqualTo(ACCOUNT);
        }

        @Test
        void pathsTheSdkNormalises() {
            assertThat(verifier.verify(request("GET", "/domains/./abc/../def").sign())).isEqualTo(ACCOUNT);
            assertThat(verifier.verify(request("GET", "/domains//def").sign())).isEqualTo(ACCOUNT);
        }

        @Test
        void headerNamesInAnyCaseAndValuesWithExtraSpaces() {
            SignedRequest signed = request("POST", "/domains").json("{}").header("X-Custom", "  a   b ").sign();
            var shouted = new LinkedHashMap<String, List<String>>();
            signed.headers().forEach((name, values) -> shouted.put(name.toUpperCase(Locale.ROOT), values));

            assertThat(verifier.verify(new SignedRequest(signed.method(), signed.rawPath(), signed.rawQuery(),
                    shouted, signed.body()))).isEqualTo(ACCOUNT);
        }

        @Test
        void unsignedPayloadDeclaredInTheHeader() {
            SignedRequest request = request("POST", "/domains").json("{}").payloadSigning(false).sign();

            assertThat(request.firstHeader("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
            assertThat(verifier.verify(request)).isEqualTo(ACCOUNT);
        }

        @Test
        void securityTokenIsAcceptedAndIgnored() {
            SignedRequest request = request("POST", "/domains").json("{}")
                    .header("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLE").sign();

            assertThat(authorization(request)).contains("x-amz-security-token");
            assertThat(verifier.verify(request)).isEqualTo(ACCOUNT);
        }

        @Test
        void signedUpToFifteenMinutesAwayFromTheServerClock() {
            SignedRequest request = createDomain();

            assertThat(verifierAt(NOW.plus(Duration.ofMinutes(15))).verify(request)).isEqualTo(ACCOUNT);
            assertThat(verifierAt(NOW.minus(Duration.ofMinutes(15))).verify(request)).isEqualTo(ACCOUNT);
        }

        @Test
        void presignedUrl() {
            SignedRequest request = request("GET", TAGS_PATH + "?tagKeys=b&tagKeys=a")
                    .presigned(Duration.ofHours(1)).sign();

            assertThat(authorization(request)).isNull();
            assertThat(request.rawQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=3600");
            assertThat(verifier.verify(request)).isEqualTo(ACCOUNT);
            assertThat(verifierAt(NOW.plus(Duration.ofMinutes(59))).verify(request)).isEqualTo(ACCOUNT);
        }

        @Test
        void presignedPostWithBody() {
            SignedRequest request = request("POST", "/domains").json("{\"name\":\"x\"}")
                    .presigned(Duration.ofMinutes(5)).sign();

            assertThat(verifier.verify(request)).isEqualTo(ACCOUNT);
        }

        @Test
        void signingKeysAreReusedAcrossRequests() {
            assertThat(verifier.verify(createDomain())).isEqualTo(ACCOUNT);
            assertThat(verifier.verify(request("GET", TAGS_PATH).sign())).isEqualTo(ACCOUNT);
            assertThat(verifier.verify(request("GET", "/domains/abc").at(NOW.plusSeconds(60)).sign()))
                    .isEqualTo(ACCOUNT);
        }
    }

    @Nested
    class RefusesMissingOrMalformedAuthentication {

        @Test
        void noAuthenticationAtAll() {
            SignedRequest unsigned = new SignedRequest("POST", "/domains", null,
                    Map.of("Host", List.of("localhost"), "Content-Type", List.of("application/json")), new byte[0]);

            AuthenticationException e = refusal(unsigned);

            assertThat(e.status()).isEqualTo(403);
            assertThat(e.errorType()).isEqualTo("MissingAuthenticationTokenException");
            assertThat(e.getMessage()).isEqualTo("Missing Authentication Token");
        }

        @Test
        void signedRequestStrippedOfItsAuthorization() {
            AuthenticationException e = refusal(withoutHeader(createDomain(), "authorization"));

            assertThat(e.errorType()).isEqualTo("MissingAuthenticationTokenException");
        }

        @Test
        void anotherAuthorizationScheme() {
            AuthenticationException e = refusal(withHeader(createDomain(), "Authorization", "Bearer abc.def"));

            assertIncomplete(e, "AWS4-HMAC-SHA256");
        }

        @Test
        void authorizationWithoutSignature() {
            String partial = authorization(createDomain()).replaceAll(", Signature=[0-9a-f]+", "");

            AuthenticationException e = refusal(withHeader(createDomain(), "Authorization", partial));

            assertIncomplete(e, "Authorization header requires 'Signature' parameter.");
        }

        @Test
        void authorizationWithOnlyTheAlgorithm() {
            AuthenticationException e = refusal(withHeader(createDomain(), "Authorization", "AWS4-HMAC-SHA256"));

            assertIncomplete(e, "'Credential'");
            assertThat(e.getMessage()).contains("'Signature'").contains("'SignedHeaders'");
        }

        @Test
        void credentialWithoutItsScope() {
            String header = authorization(createDomain()).replaceFirst("Credential=[^,]+", "Credential=AKIDONLY");

            AuthenticationException e = refusal(withHeader(createDomain(), "Authorization", header));

            assertIncomplete(e, "Credential must have the form");
        }

        @Test
        void hostNotAmongTheSignedHeaders() {
            SignedRequest request = createDomain();
            String header = authorization(request).replace(";host;", ";");

            AuthenticationException e = refusal(withHeader(request, "Authorization", header));

            assertIncomplete(e, "'Host' must be a 'SignedHeader'");
        }

        @Test
        void noDateHeader() {
            AuthenticationException e = refusal(withoutHeader(createDomain(), "X-Amz-Date"));

            assertIncomplete(e, "'X-Amz-Date' or a 'Date' header");
        }

        @Test
        void malformedDate() {
            AuthenticationException e = refusal(withHeader(createDomain(), "X-Amz-Date", "2026-03-14T09:26:53Z"));

            assertIncomplete(e, "ISO-8601 'basic format'");
        }

        @Test
        void presignedUrlMissingItsDate() {
            SignedRequest request = request("GET", TAGS_PATH).presigned(Duration.ofMinutes(5)).sign();
            String query = request.rawQuery().replaceAll("X-Amz-Date=[^&]+&?", "");

            AuthenticationException e = refusal(withQuery(request, query));

            assertIncomplete(e, "'X-Amz-Date'");
        }

        @Test
        void bothHeaderAndPresignedAuthentication() {
            SignedRequest presigned = request("GET", TAGS_PATH).presigned(Duration.ofMinutes(5)).sign();
            String header = authorization(request("GET", TAGS_PATH).sign());

            AuthenticationException e = refusal(withHeader(presigned, "Authorization", header));

            assertIncomplete(e, "Only one auth mechanism allowed");
        }
    }

    @Nested
    class RefusesWrongCredentialsOrScope {

        @Test
        void unknownAccessKey() {
            AuthenticationException e = refusal(request("GET", TAGS_PATH).key("AKIDUNKNOWN", "whatever").sign());

            assertThat(e.status()).isEqualTo(403);
            assertThat(e.errorType()).isEqualTo("UnrecognizedClientException");
            assertThat(e.getMessage()).isEqualTo("The security token included in the request is invalid.");
        }

        @Test
        void wrongSecret() {
            SignedRequest request = request("POST", "/domains").json("{}")
                    .key(ACCOUNT.accessKeyId(), "not-the-secret").sign();

            assertSignatureMismatch(refusal(request));
        }

        @Test
        void wrongRegion() {
            AuthenticationException e = refusal(request("GET", TAGS_PATH).region("eu-west-1").sign());

            assertInvalidSignature(e, "Credential should be scoped to a valid region, not 'eu-west-1'.");
        }

        @Test
        void wrongService() {
            AuthenticationException e = refusal(request("GET", TAGS_PATH).service("connect").sign());

            assertInvalidSignature(e, "Credential should be scoped to correct service: 'cases'.");
        }

        @Test
        void wrongTerminator() {
            SignedRequest request = createDomain();
            String header = authorization(request).replace("/aws4_request", "/aws5_request");

            AuthenticationException e = refusal(withHeader(request, "Authorization", header));

            assertInvalidSignature(e, "Credential should be scoped with a valid terminator: 'aws4_request'");
        }

        @Test
        void scopeDateOtherThanTheRequestDay() {
            SignedRequest request = createDomain();
            String header = authorization(request).replace("/20260314/", "/20260313/");

            AuthenticationException e = refusal(withHeader(request, "Authorization", header));

            assertInvalidSignature(e, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of"
                    + " date from HTTP: '20260313' != '20260314', from '20260314T092653Z'.");
        }

        @Test
        void expiredDate() {
            AuthenticationException e = refusal(verifierAt(NOW.plus(Duration.ofMinutes(16))), createDomain());

            assertInvalidSignature(e, "Signature expired: 20260314T092653Z is now earlier than 20260314T092753Z"
                    + " (20260314T094253Z - 15 min.)");
        }

        @Test
        void dateInTheFuture() {
            AuthenticationException e = refusal(verifierAt(NOW.minus(Duration.ofMinutes(16))), createDomain());

            assertInvalidSignature(e, "Signature not yet current: 20260314T092653Z is still later than"
                    + " 20260314T092553Z (20260314T091053Z + 15 min.)");
        }

        @Test
        void expiredPresignedUrl() {
            SignedRequest request = request("GET", TAGS_PATH).presigned(Duration.ofMinutes(5)).sign();

            AuthenticationException e = refusal(verifierAt(NOW.plus(Duration.ofMinutes(6))), request);

            assertInvalidSignature(e, "Signature expired: 20260314T092653Z is now earlier than 20260314T092753Z"
                    + " (20260314T093253Z - 300 sec.)");
        }
    }

    @Nested
    class RefusesTamperedRequests {

        @Test
        void tamperedBody() {
            SignedRequest request = request("POST", "/domains").json("{\"name\":\"support\"}").sign();

            AuthenticationException e = refusal(withBody(request, "{\"name\":\"hijack\"}"));

            assertInvalidSignature(e, "'x-amz-content-sha256'");
        }

        @Test
        void tamperedBodyWithoutDeclaredPayloadHash() {
            SignedRequest request = withoutHeader(createDomain(), "x-amz-content-sha256");

            assertSignatureMismatch(refusal(request));
        }

        @Test
        void tamperedPath() {
            SignedRequest request = request("GET", TAGS_PATH).sign();

            assertSignatureMismatch(refusal(withPath(request, TAGS_PATH.replace("abc", "xyz"))));
            assertSignatureMismatch(refusal(withPath(request, TAGS_PATH.replace("%2F", "/"))));
        }

        @Test
        void tamperedQuery() {
            SignedRequest request = request("DELETE", TAGS_PATH + "?tagKeys=team&tagKeys=cost").sign();

            assertSignatureMismatch(refusal(withQuery(request, "tagKeys=team&tagKeys=owner")));
            assertSignatureMismatch(refusal(withQuery(request, "tagKeys=team")));
            assertSignatureMismatch(refusal(withQuery(request, "tagKeys=team&tagKeys=cost&tagKeys=owner")));
        }

        @Test
        void tamperedPresignedQuery() {
            SignedRequest request = request("GET", "/domains-list?maxResults=5").presigned(Duration.ofMinutes(5))
                    .sign();

            assertSignatureMismatch(refusal(withQuery(request, request.rawQuery().replace("maxResults=5",
                    "maxResults=50"))));
        }

        @Test
        void tamperedSignedHeader() {
            SignedRequest request = createDomain();

            assertSignatureMismatch(refusal(withHeader(request, "Content-Type", "text/plain")));
            assertSignatureMismatch(refusal(withHeader(request, "Host", "elsewhere.example.test")));
        }

        @Test
        void tamperedMethod() {
            SignedRequest request = request("GET", TAGS_PATH).sign();

            assertSignatureMismatch(refusal(new SignedRequest("DELETE", request.rawPath(), request.rawQuery(),
                    request.headers(), request.body())));
        }

        @Test
        void garbledSignature() {
            SignedRequest request = createDomain();
            String header = authorization(request).replaceFirst("Signature=[0-9a-f]+", "Signature=not-hex");

            assertSignatureMismatch(refusal(withHeader(request, "Authorization", header)));
        }

        @Test
        void signatureOfAnotherRequest() {
            SignedRequest request = request("GET", TAGS_PATH).sign();
            String otherSignature = authorization(request("GET", "/domains/abc").sign())
                    .replaceFirst(".*Signature=", "");
            String header = authorization(request).replaceFirst("Signature=[0-9a-f]+", "Signature=" + otherSignature);

            assertSignatureMismatch(refusal(withHeader(request, "Authorization", header)));
        }
    }

    /** The hand-read X-Amz-Date agrees with the strict formatter it replaced, on good and bad dates alike. */
    @Test
    void amzDatesAreReadAsTheStrictFormatterReadsThem() {
        var formatter = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).withResolverStyle(java.time.format.ResolverStyle.STRICT);
        var random = new java.util.Random(42);
        for (int i = 0; i < 2_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L));
            String text = formatter.format(instant);
            assertThat(SigV4Verifier.basicFormat(text)).isEqualTo(instant);
        }
        for (String bad : List.of("20261326T000000Z", "20260230T000000Z", "20260101T240000Z", "20260101T006000Z",
                "2026010lT000000Z", "20260101 000000Z", "20260101T000000", "2026-01-01T00:00:00Z", "")) {
            assertThat(catchThrowableOfType(() -> SigV4Verifier.basicFormat(bad), java.time.DateTimeException.class))
                    .as(bad).isNotNull();
        }
    }
}
