package io.opencases.rest.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request exactly as received, which is what SigV4 signs; free of any HTTP server type so the verifier can
 * be tested and reused without one.
 *
 * @param rawPath  the path as on the wire, still percent-encoded
 * @param rawQuery the query as on the wire, still percent-encoded, without '?'; null when there is none
 * @param headers  header names in any case, each with its values
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            byte[] body) {

    private static final byte[] EMPTY = new byte[0];

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = headers == null ? Map.of() : headers;
        // Not copied: a copy of every body would double what each request holds. Callers must not modify it.
        body = body == null ? EMPTY : body;
    }

    /** All values of a header, whatever the case of its name on the wire; an empty list when absent. */
    List<String> header(String name) {
        List<String> found = null;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getValue() != null && e.getKey().equalsIgnoreCase(name)) {
                if (found == null) {
                    found = e.getValue();
                } else {
                    // Only when a map holds the same name in two cases; rare enough to copy.
                    found = new ArrayList<>(found);
                    found.addAll(e.getValue());
                }
            }
        }
        return found == null ? List.of() : found;
    }

    /** The first value of a header, or null when absent. */
    String firstHeader(String name) {
        for (String value : header(name)) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
