package io.opencases.rest.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys are derived once per secret and scope, and a cached key is the key a fresh derivation gives. */
class SigningKeyCacheTest {
    private final SigningKeyCache cache = new SigningKeyCache();

    @Test
    void derivesOncePerSecretAndScope() {
        byte[] first = cache.signingKey("secret", "20260314", "us-east-1", "cases");
        byte[] again = cache.signingKey("secret", "20260314", "us-east-1", "cases");

        assertThat(again).isSameAs(first);
        assertThat(first).isEqualTo(SigningKeyCache.derive("secret", "20260314", "us-east-1", "cases"));
        assertThat(cache.size()).isOne();
    }

    @Test
    void anyPartOfTheScopeGivesAnotherKey() {
        byte[] key = cache.signingKey("secret", "20260314", "us-east-1", "cases");

        assertThat(cache.signingKey("other", "20260314", "us-east-1", "cases")).isNotEqualTo(key);
        assertThat(cache.signingKey("secret", "20260315", "us-east-1", "cases")).isNotEqualTo(key);
        assertThat(cache.signingKey("secret", "20260314", "eu-west-1", "cases")).isNotEqualTo(key);
        assertThat(cache.signingKey("secret", "20260314", "us-east-1", "iam")).isNotEqualTo(key);
        assertThat(cache.size()).isEqualTo(5);
    }

    @Test
    void staysBounded() {
        for (int day = 0; day < 3000; day++) {
            cache.signingKey("secret", Integer.toString(20260000 + day), "us-east-1", "cases");
        }

        assertThat(cache.size()).isLessThanOrEqualTo(1024);
    }
}
