package io.opencases.rest.auth;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Objects;

/**
 * Checks AWS Signature Version 4 on every request, in the Authorization header or presigned in the query, and says
 * whose credentials signed it. Refusals use the status codes, error types and wording of AWS, which SDKs rely on.
 */
public final class SigV4Verifier {
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final long MAX_PRESIGN_SECONDS = 604_800;
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String TERMINATOR = "aws4_request";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

    private final CredentialStore store;
    private final String region;
    private final String service;
    private final Clock clock;
    private final SigningKeyCache signingKeys = new SigningKeyCache();

    public SigV4Verifier(CredentialStore store, String region, String service, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the credentials whose secret signed the request
     * @throws AuthenticationException when the request is unsigned, malformed, out of scope, stale or forged
     */
    public Credentials verify(SignedRequest request) {
        List<QueryParameter> query = QueryParameter.parse(request.rawQuery());
        String authorization = request.firstHeader("authorization");
        boolean presigned = AuthorizationParameters.isPresigned(query);
        if (authorization == null && !presigned) {
            throw AuthenticationException.missingToken();
        }
        if (authorization != null && presigned) {
            throw AuthenticationException.incompleteSignature("Only one auth mechanism allowed; only the"
                    + " X-Amz-Algorithm query parameter or the Authorization header should be specified.");
        }
        AuthorizationParameters auth = presigned
                ? AuthorizationParameters.fromQuery(query)
                : AuthorizationParameters.fromHeader(authorization);
        if (!auth.signedHeaderNames().contains("host")) {
            throw AuthenticationException.incompleteSignature(
                    "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        String amzDate = presigned ? auth.amzDate().strip() : headerDate(request);
        Instant signedAt = parseAmzDate(amzDate);
        Long presignSeconds = presigned ? presignSeconds(auth.expires()) : null;

        checkScope(auth, amzDate);
        checkTime(amzDate, signedAt, presignSeconds);
        Credentials credentials = store.find(auth.accessKeyId())
                .orElseThrow(AuthenticationException::unrecognizedClient);

        String canonicalRequest = CanonicalRequest.build(request, query,
                presigned ? AuthorizationParameters.SIGNATURE_PARAM : null, auth, payloadHash(request));
        String stringToSign = AuthorizationParameters.ALGORITHM + '\n' + amzDate + '\n'
                + auth.scopeDate() + '/' + auth.region() + '/' + auth.service() + '/' + auth.terminator() + '\n'
                + Hashing.sha256Hex(canonicalRequest);
        byte[] signingKey = signingKeys.signingKey(credentials.secretAccessKey(), auth.scopeDate(), auth.region(),
                auth.service());
        byte[] expected = Hashing.hmacSha256(signingKey, stringToSign);
        byte[] provided = Hashing.unhex(auth.signature());
        if (provided == null || !MessageDigest.isEqual(expected, provided)) {
            throw AuthenticationException.invalidSignature("The request signature we calculated does not match the"
                    + " signature you provided. Check your AWS Secret Access Key and signing method.");
        }
        return credentials;
    }

    /** X-Amz-Date, or else the HTTP Date header turned into the ISO 8601 basic form the string to sign uses. */
    private static String headerDate(SignedRequest request) {
        String amzDate = request.firstHeader("x-amz-date");
        if (amzDate != null) {
            return amzDate.strip();
        }
        String date = request.firstHeader("date");
        if (date == null) {
            throw AuthenticationException.incompleteSignature(
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        try {
            return AMZ_DATE.format(DateTimeFormatter.RFC_1123_DATE_TIME.parse(date.strip(), Instant::from));
        } catch (DateTimeParseException e) {
            throw AuthenticationException.incompleteSignature("Date must be in RFC 1123 format. Got '" + date + "'.");
        }
    }

    private static Instant parseAmzDate(String amzDate) {
        try {
            return basicFormat(amzDate);
        } catch (java.time.DateTimeException e) {
            throw AuthenticationException.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '"
                    + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    /**
     * {@code yyyyMMdd'T'HHmmss'Z'}, read by hand: every request carries one, and the formatter took a fifth of the
     * signature check. Anything else is left to the formatter, which refuses it.
     */
    static Instant basicFormat(String text) {
        if (text.length() == 16 && text.charAt(8) == 'T' && text.charAt(15) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 4, 6);
            int day = digits(text, 6, 8);
            int hour = digits(text, 9, 11);
            int minute = digits(text, 11, 13);
            int second = digits(text, 13, 15);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                // LocalDateTime.of checks the ranges (month 13, February 30th, hour 24 throw).
                return java.time.LocalDateTime.of(year, month, day, hour, minute, second)
                        .toInstant(java.time.ZoneOffset.UTC);
            }
        }
        return AMZ_DATE.parse(text, Instant::from);
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Long presignSeconds(String expires) {
        if (expires == null) {
            // Without X-Amz-Expires a presigned request gets the window of a header-signed one.
            return null;
        }
        long seconds;
        try {
            seconds = Long.parseLong(expires.strip());
        } catch (NumberFormatException e) {
            throw AuthenticationException.incompleteSignature("X-Amz-Expires should be a number, not '"
                    + expires + "'.");
        }
        if (seconds < 0) {
            throw AuthenticationException.incompleteSignature("X-Amz-Expires must be non-negative.");
        }
        if (seconds > MAX_PRESIGN_SECONDS) {
            throw AuthenticationException.incompleteSignature(
                    "X-Amz-Expires must be less than a week (in seconds) that is " + MAX_PRESIGN_SECONDS + ".");
        }
        return seconds;
    }

    private void checkScope(AuthorizationParameters auth, String amzDate) {
        if (!auth.terminator().equals(TERMINATOR)) {
            throw AuthenticationException.invalidSignature("Credential should be scoped with a valid terminator: '"
                    + TERMINATOR + "', not '" + auth.terminator() + "'.");
        }
        if (!auth.service().equals(service)) {
            throw AuthenticationException.invalidSignature("Credential should be scoped to correct service: '"
                    + service + "'.");
        }
        if (!auth.region().equals(region)) {
            throw AuthenticationException.invalidSignature("Credential should be scoped to a valid region, not '"
                    + auth.region() + "'.");
        }
        String day = amzDate.substring(0, 8);
        if (!auth.scopeDate().equals(day)) {
            throw AuthenticationException.invalidSignature("Date in Credential scope does not match YYYYMMDD from"
                    + " ISO-8601 version of date from HTTP: '" + auth.scopeDate() + "' != '" + day + "', from '"
                    + amzDate + "'.");
        }
    }

    /** Within 15 minutes of now either way; a presigned request instead stays valid X-Amz-Expires seconds. */
    private void checkTime(String amzDate, Instant signedAt, Long presignSeconds) {
        Instant now = clock.instant();
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw AuthenticationException.invalidSignature("Signature not yet current: " + amzDate
                    + " is still later than " + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " + 15 min.)");
        }
        Duration validity = presignSeconds == null ? MAX_SKEW : Duration.ofSeconds(presignSeconds);
        if (signedAt.isBefore(now.minus(validity))) {
            String window = presignSeconds == null ? "15 min." : presignSeconds + " sec.";
            throw AuthenticationException.invalidSignature("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(validity)) + " (" + AMZ_DATE.format(now) + " - " + window + ")");
        }
    }

    /**
     * The client's declared payload hash when it sends one, after checking it against the body, since the
     * signature covers only the declaration; otherwise the hash of the body.
     */
    private static String payloadHash(SignedRequest request) {
        String declared = request.firstHeader("x-amz-content-sha256");
        if (declared == null) {
            return Hashing.sha256Hex(request.body());
        }
        declared = declared.strip();
        if (!declared.equals(UNSIGNED_PAYLOAD) && !declared.equalsIgnoreCase(Hashing.sha256Hex(request.body()))) {
            throw AuthenticationException.invalidSignature(
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return declared;
    }

    @Override
    public String toString() {
        return "SigV4Verifier[region=" + region + ", service=" + service + "]";
    }
}
