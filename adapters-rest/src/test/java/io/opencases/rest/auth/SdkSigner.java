package io.opencases.rest.auth;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs test requests with the AWS SDK's own SigV4 signer, the reference the verifier must agree with, and turns
 * them into what the server would receive: the path and query as the SDK's HTTP client writes them on the wire.
 */
final class SdkSigner {
    static final Instant NOW = Instant.parse("2026-03-14T09:26:53Z");
    static final String REGION = "us-east-1";
    static final String SERVICE = "cases";
    static final Credentials ACCOUNT = new Credentials("AKIDOPENCASESTEST", "s3cr3t/with+symbols=", "111122223333");

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final SdkHttpMethod method;
    private final String pathAndQuery;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private String accessKeyId = ACCOUNT.accessKeyId();
    private String secret = ACCOUNT.secretAccessKey();
    private String region = REGION;
    private String service = SERVICE;
    private Instant signingTime = NOW;
    private Duration presignedFor;
    private boolean payloadSigning = true;

    private SdkSigner(SdkHttpMethod method, String pathAndQuery) {
        this.method = method;
        this.pathAndQuery = pathAndQuery;
    }

    /** @param pathAndQuery as the SDK would put it on the wire, already percent-encoded */
    static SdkSigner request(String method, String pathAndQuery) {
        return new SdkSigner(SdkHttpMethod.fromValue(method), pathAndQuery);
    }

    SdkSigner json(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
        return header("Content-Type", "application/json");
    }

    SdkSigner header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    SdkSigner key(String accessKeyId, String secret) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        return this;
    }

    SdkSigner region(String region) {
        this.region = region;
        return this;
    }

    SdkSigner service(String service) {
        this.service = service;
        return this;
    }

    SdkSigner at(Instant signingTime) {
        this.signingTime = signingTime;
        return this;
    }

    SdkSigner presigned(Duration validity) {
        this.presignedFor = validity;
        return this;
    }

    /** Off makes the SDK send {@code x-amz-content-sha256: UNSIGNED-PAYLOAD}, as it may over HTTPS. */
    SdkSigner payloadSigning(boolean enabled) {
        this.payloadSigning = enabled;
        return this;
    }

    SignedRequest sign() {
        var builder = SdkHttpFullRequest.builder().method(method)
                .uri(URI.create("https://cases.example.test:8443" + pathAndQuery));
        headers.forEach(builder::putHeader);
        SdkHttpFullRequest unsigned = builder.build();
        byte[] payload = body;
        SdkHttpRequest signed = SIGNER.sign(r -> {
            r.identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                    .request(unsigned)
                    .payload(ContentStreamProvider.fromByteArray(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signingTime, ZoneOffset.UTC))
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning);
            if (presignedFor != null) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, presignedFor);
            }
        }).request();
        URI wire = signed.getUri();
        return new SignedRequest(signed.method().name(), wire.getRawPath(), wire.getRawQuery(), signed.headers(),
                payload);
    }

    static SignedRequest withPath(SignedRequest r, String rawPath) {
        return new SignedRequest(r.method(), rawPath, r.rawQuery(), r.headers(), r.body());
    }

    static SignedRequest withQuery(SignedRequest r, String rawQuery) {
        return new SignedRequest(r.method(), r.rawPath(), rawQuery, r.headers(), r.body());
    }

    static SignedRequest withBody(SignedRequest r, String body) {
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces a header, matching its name in any case; a null value removes it. */
    static SignedRequest withHeader(SignedRequest r, String name, String value) {
        var headers = new LinkedHashMap<String, List<String>>();
        r.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                headers.put(k, new ArrayList<>(v));
            }
        });
        if (value != null) {
            headers.put(name, List.of(value));
        }
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static SignedRequest withoutHeader(SignedRequest r, String name) {
        return withHeader(r, name, null);
    }

    static String authorization(SignedRequest r) {
        return r.firstHeader("Authorization");
    }
}
