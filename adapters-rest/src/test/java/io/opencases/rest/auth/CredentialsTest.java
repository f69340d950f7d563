package io.opencases.rest.auth;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Credentials never show their secret, and the static store finds keys and refuses ambiguous ones. */
class CredentialsTest {
    private static final Credentials A = new Credentials("AKIDA", "secret-a", "111111111111");
    private static final Credentials B = new Credentials("AKIDB", "secret-b", "222222222222");

    @Test
    void toStringMasksTheSecret() {
        assertThat(A.toString()).contains("AKIDA").contains("111111111111").doesNotContain("secret-a");
    }

    @Test
    void keyAndSecretAreRequired() {
        assertThatThrownBy(() -> new Credentials(" ", "s", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Credentials("AKID", "", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Credentials("AKID", null, "1")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void storeFindsEachKey() {
        var store = new StaticCredentialStore(List.of(A, B));

        assertThat(store.find("AKIDA")).contains(A);
        assertThat(store.find("AKIDB")).contains(B);
        assertThat(store.find("AKIDC")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(store.toString()).doesNotContain("secret");
    }

    @Test
    void storeRejectsDuplicateKeys() {
        var sameKey = new Credentials("AKIDA", "another-secret", "333333333333");

        assertThatThrownBy(() -> new StaticCredentialStore(List.of(A, B, sameKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AKIDA");
    }

    @Test
    void storeIsACopy() {
        var source = new ArrayList<>(List.of(A));
        var store = new StaticCredentialStore(source);
        source.add(B);

        assertThat(store.find("AKIDB")).isEmpty();
    }
}
