package io.opencases.rest.events;

import io.opencases.application.port.CaseEventPublisher;
import io.opencases.domain.event.CaseEvent;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * POSTs each event as JSON to every configured URL, signed with HMAC-SHA256 of the body under the shared secret
 * (header {@code X-OpenCases-Signature: sha256=<hex>}). Anything but a 2xx from any URL fails the attempt, and the
 * dispatcher retries it; receivers should de-duplicate on {@code X-OpenCases-Event-Id}.
 */
public final class WebhookCaseEventPublisher implements CaseEventPublisher {
    public static final String SIGNATURE_HEADER = "X-OpenCases-Signature";
    public static final String EVENT_ID_HEADER = "X-OpenCases-Event-Id";

    private final List<URI> urls;
    private final byte[] secret;
    private final HttpClient http;
    private final Duration timeout;

    public WebhookCaseEventPublisher(List<URI> urls, String secret, Duration timeout) {
        this.urls = List.copyOf(urls);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void publish(CaseEvent event) throws IOException, InterruptedException {
        byte[] body = CaseEventJson.toJson(event).getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + sign(secret, body);
        for (URI url : urls) {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, signature)
                    .header(EVENT_ID_HEADER, event.eventId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(url + " answered " + response.statusCode());
            }
        }
    }

    /** Hex HMAC-SHA256 of the body: what a receiver recomputes to check a delivery. */
    public static String sign(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
