package io.opencases.rest.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The IAM ListUsers example of the AWS SigV4 documentation, step by step: a check that owes nothing to the SDK,
 * so the verifier and the SDK cannot agree on a mistake unnoticed.
 */
class SigV4DocumentationVectorTest {
    private static final Credentials EXAMPLE =
            new Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "123456789012");
    private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

    private static SignedRequest listUsers(String signature) {
        var headers = new LinkedHashMap<String, List<String>>();
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        headers.put("Host", List.of("iam.amazonaws.com"));
        headers.put("X-Amz-Date", List.of("20150830T123600Z"));
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/"
                + "aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=" + signature));
        return new SignedRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", headers, new byte[0]);
    }

    @Test
    void canonicalRequestAndItsHash() {
        SignedRequest request = listUsers(SIGNATURE);
        var auth = AuthorizationParameters.fromHeader(request.firstHeader("Authorization"));

        String canonical = CanonicalRequest.build(request, QueryParameter.parse(request.rawQuery()), null, auth,
                Hashing.sha256Hex(new byte[0]));

        assertThat(canonical).isEqualTo("""
                GET
                /
                Action=ListUsers&Version=2010-05-08
                content-type:application/x-www-form-urlencoded; charset=utf-8
                host:iam.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        assertThat(Hashing.sha256Hex(canonical))
                .isEqualTo("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
    }

    @Test
    void signingKeyAndSignature() {
        byte[] key = SigningKeyCache.derive(EXAMPLE.secretAccessKey(), "20150830", "us-east-1", "iam");
        String stringToSign = """
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/iam/aws4_request
                f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59""";

        assertThat(Hashing.hex(key)).isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
        assertThat(Hashing.hex(Hashing.hmacSha256(key, stringToSign))).isEqualTo(SIGNATURE);
    }

    @Test
    void verifierAcceptsTheDocumentedRequestAndNothingElse() {
        var verifier = new SigV4Verifier(new StaticCredentialStore(List.of(EXAMPLE)), "us-east-1", "iam",
                Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));

        assertThat(verifier.verify(listUsers(SIGNATURE))).isEqualTo(EXAMPLE);
        assertThat(verifier.verify(listUsers(SIGNATURE.toUpperCase(Locale.ROOT)))).isEqualTo(EXAMPLE);
        String offByOne = SIGNATURE.substring(0, SIGNATURE.length() - 1) + "8";
        assertThat(catchThrowableOfType(AuthenticationException.class,
                () -> verifier.verify(listUsers(offByOne))).errorType()).isEqualTo("InvalidSignatureException");
    }
}
