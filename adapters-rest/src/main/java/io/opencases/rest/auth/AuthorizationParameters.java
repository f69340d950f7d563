package io.opencases.rest.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a client claims about its signature, read from the Authorization header or from presigned query parameters;
 * one shape for both so the verifier checks them the same way. Only syntax is checked here (400s), never meaning.
 *
 * @param signedHeaders     the SignedHeaders value verbatim, as it enters the canonical request
 * @param signedHeaderNames the same names, lower-cased, for looking the headers up
 * @param amzDate           X-Amz-Date of a presigned request; null for the header form, whose date is a header
 * @param expires           X-Amz-Expires of a presigned request, verbatim; null when absent
 */
record AuthorizationParameters(String accessKeyId, String scopeDate, String region, String service,
                               String terminator, String signedHeaders, List<String> signedHeaderNames,
                               String signature, boolean presigned, String amzDate, String expires) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SIGNATURE_PARAM = "X-Amz-Signature";

    private static final List<String> PRESIGN_PARAMS =
            List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-SignedHeaders", SIGNATURE_PARAM);

    /** Whether the query carries presigned authentication, judged by any of its defining parameters. */
    static boolean isPresigned(List<QueryParameter> query) {
        for (QueryParameter p : query) {
            if (PRESIGN_PARAMS.contains(p.name())) {
                return true;
            }
        }
        return false;
    }

    /** Reads {@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
    static AuthorizationParameters fromHeader(String header) {
        String value = header.strip();
        int space = indexOfWhitespace(value);
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!algorithm.equals(ALGORITHM)) {
            throw AuthenticationException.incompleteSignature("Unsupported Authorization scheme '" + algorithm
                    + "': only " + ALGORITHM + " is accepted.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        if (space >= 0) {
            for (String part : value.substring(space + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = part.substring(0, eq).strip();
                String v = part.substring(eq + 1).strip();
                if (name.equals("Credential") && credential == null) {
                    credential = v;
                } else if (name.equals("SignedHeaders") && signedHeaders == null) {
                    signedHeaders = v;
                } else if (name.equals("Signature") && signature == null) {
                    signature = v;
                }
            }
        }
        var missing = new StringBuilder();
        requirePresent(credential, "Authorization header requires 'Credential' parameter. ", missing);
        requirePresent(signature, "Authorization header requires 'Signature' parameter. ", missing);
        requirePresent(signedHeaders, "Authorization header requires 'SignedHeaders' parameter. ", missing);
        if (missing.length() > 0) {
            throw AuthenticationException.incompleteSignature(missing.toString().strip());
        }
        return of(credential, signedHeaders, signature, false, null, null);
    }

    /** Reads the X-Amz-* parameters of a presigned URL. */
    static AuthorizationParameters fromQuery(List<QueryParameter> query) {
        String algorithm = QueryParameter.first(query, "X-Amz-Algorithm");
        String credential = QueryParameter.first(query, "X-Amz-Credential");
        String signedHeaders = QueryParameter.first(query, "X-Amz-SignedHeaders");
        String signature = QueryParameter.first(query, SIGNATURE_PARAM);
        String date = QueryParameter.first(query, "X-Amz-Date");
        var missing = new ArrayList<String>();
        for (String[] p : new String[][] {{"X-Amz-Algorithm", algorithm}, {"X-Amz-Credential", credential},
                {"X-Amz-SignedHeaders", signedHeaders}, {SIGNATURE_PARAM, signature}, {"X-Amz-Date", date}}) {
            if (p[1] == null || p[1].isBlank()) {
                missing.add("'" + p[0] + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw AuthenticationException.incompleteSignature("AWS query-string parameters must include "
                    + String.join(", ", missing) + ".");
        }
        if (!algorithm.equals(ALGORITHM)) {
            throw AuthenticationException.incompleteSignature("Unsupported X-Amz-Algorithm '" + algorithm
                    + "': only " + ALGORITHM + " is accepted.");
        }
        return of(credential, signedHeaders, signature, true, date, QueryParameter.first(query, "X-Amz-Expires"));
    }

    private static AuthorizationParameters of(String credential, String signedHeaders, String signature,
                                              boolean presigned, String amzDate, String expires) {
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || anyEmpty(scope)) {
            throw AuthenticationException.incompleteSignature("Credential must have the form"
                    + " <AccessKeyId>/<yyyyMMdd>/<region>/<service>/aws4_request, not '" + credential + "'.");
        }
        String[] names = signedHeaders.split(";", -1);
        if (anyEmpty(names)) {
            throw AuthenticationException.incompleteSignature("SignedHeaders must be a ';'-separated list of header"
                    + " names, not '" + signedHeaders + "'.");
        }
        var lowerCased = new ArrayList<String>(names.length);
        for (String name : names) {
            lowerCased.add(name.toLowerCase(Locale.ROOT));
        }
        return new AuthorizationParameters(scope[0], scope[1], scope[2], scope[3], scope[4], signedHeaders,
                List.copyOf(lowerCased), signature, presigned, amzDate, expires);
    }

    private static void requirePresent(String value, String message, StringBuilder missing) {
        if (value == null || value.isEmpty()) {
            missing.append(message);
        }
    }

    private static boolean anyEmpty(String[] parts) {
        for (String p : parts) {
            if (p.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
