package io.opencases.bootstrap.conformance;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import io.opencases.rest.auth.Credentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Sends a request signed by the AWS SDK's own SigV4 signer, for operations newer than the SDK release on Maven
 * Central (UpdateRelatedItem): exactly what a newer SDK sends, as the model binds it.
 */
final class SignedHttp {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    /** Headers java.net.http sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignedHttp() {
    }

    static HttpResponse<String> send(URI endpoint, Credentials credentials, String method, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(endpoint + path);
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri)
                .putHeader("Content-Type", "application/json")
                .contentStreamProvider(ContentStreamProvider.fromByteArray(body)).build();
        var signed = SIGNER.sign(r -> r.identity(AwsCredentialsIdentity.create(credentials.accessKeyId(),
                        credentials.secretAccessKey()))
                .request(unsigned).payload(unsigned.contentStreamProvider().orElseThrow())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cases")
                .putProperty(AwsV4HttpSigner.REGION_NAME, TestServer.REGION)).request();
        var builder = HttpRequest.newBuilder(signed.getUri()).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
