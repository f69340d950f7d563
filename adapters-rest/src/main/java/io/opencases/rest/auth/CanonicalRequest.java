package io.opencases.rest.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the SigV4 canonical request the way the AWS SDKs build it for services other than S3, so that a
 * request signed by any SDK or the CLI hashes to the same bytes here.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    /**
     * @param query          the decoded query parameters
     * @param excludedParam  a parameter left out of the canonical query (X-Amz-Signature when presigned), or null
     */
    static String build(SignedRequest request, List<QueryParameter> query, String excludedParam,
                        AuthorizationParameters auth, String payloadHash) {
        var out = new StringBuilder(256 + request.rawPath().length() * 2);
        out.append(request.method()).append('\n');
        appendCanonicalUri(request.rawPath(), out);
        out.append('\n');
        appendCanonicalQuery(query, excludedParam, out);
        out.append('\n');
        for (String name : auth.signedHeaderNames()) {
            appendCanonicalHeader(name, request.header(name), out);
        }
        out.append('\n');
        out.append(auth.signedHeaders()).append('\n');
        out.append(payloadHash);
        return out.toString();
    }

    /**
     * The wire path, dot segments and empty segments removed as the SDKs normalise it, then each segment
     * percent-encoded once more: non-S3 services sign the already-encoded path ({@code %3A} becomes {@code %253A}).
     * A trailing slash survives unless normalisation produced it, again as the SDKs do.
     */
    static void appendCanonicalUri(String rawPath, StringBuilder out) {
        var segments = new ArrayList<String>();
        int start = 0;
        while (start <= rawPath.length()) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            String segment = rawPath.substring(start, end);
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
            start = end + 1;
        }
        out.append('/');
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                out.append('/');
            }
            UriEncoding.encode(segments.get(i), out);
        }
        if (!segments.isEmpty() && rawPath.endsWith("/")) {
            out.append('/');
        }
    }

    static String canonicalUri(String rawPath) {
        var out = new StringBuilder();
        appendCanonicalUri(rawPath, out);
        return out.toString();
    }

    /** Names and values RFC 3986-encoded, sorted by encoded name then encoded value, repeated names kept. */
    static void appendCanonicalQuery(List<QueryParameter> query, String excludedParam, StringBuilder out) {
        if (query.isEmpty()) {
            return;
        }
        var encoded = new ArrayList<String[]>(query.size());
        for (QueryParameter p : query) {
            if (!p.name().equals(excludedParam)) {
                encoded.add(new String[] {UriEncoding.encode(p.name()), UriEncoding.encode(p.value())});
            }
        }
        encoded.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        for (int i = 0; i < encoded.size(); i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(encoded.get(i)[0]).append('=').append(encoded.get(i)[1]);
        }
    }

    static String canonicalQuery(List<QueryParameter> query, String excludedParam) {
        var out = new StringBuilder();
        appendCanonicalQuery(query, excludedParam, out);
        return out.toString();
    }

    /**
     * {@code name:value\n}, values trimmed with inner whitespace runs collapsed to one space and joined with ','.
     * A signed header missing from the request contributes an empty value, so the signature simply fails to match.
     */
    static void appendCanonicalHeader(String lowerCaseName, List<String> values, StringBuilder out) {
        out.append(lowerCaseName).append(':');
        boolean first = true;
        for (String value : values) {
            if (value == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            appendTrimmed(value, out);
            first = false;
        }
        out.append('\n');
    }

    private static void appendTrimmed(String value, StringBuilder out) {
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = started;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                started = true;
            }
        }
    }

    // The SDK signer's own whitespace set; Character.isWhitespace would also match separators the SDK keeps.
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
    }
}
