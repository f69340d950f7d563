package io.opencases.rest.auth;

import java.util.Objects;

/**
 * One access key pair and the account its requests act for: the key identifies the caller, the account scopes its data.
 * {@link #toString()} masks the secret because credentials end up in logs and exception messages.
 */
public record Credentials(String accessKeyId, String secretAccessKey, String accountId) {

    public Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(accountId, "accountId");
        if (accessKeyId.isBlank() || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("An access key id and a secret access key are required.");
        }
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****, accountId=" + accountId + "]";
    }
}
