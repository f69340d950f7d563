package io.opencases.rest.auth;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A fixed set of credentials, read once from configuration; immutable so lookups need no locking. */
public final class StaticCredentialStore implements CredentialStore {
    private final Map<String, Credentials> byAccessKeyId;

    /** @throws IllegalArgumentException when two credentials share an access key id: the caller would be ambiguous */
    public StaticCredentialStore(Collection<Credentials> credentials) {
        Objects.requireNonNull(credentials, "credentials");
        var map = new HashMap<String, Credentials>();
        for (Credentials c : credentials) {
            Objects.requireNonNull(c, "credentials must not contain null");
            if (map.putIfAbsent(c.accessKeyId(), c) != null) {
                throw new IllegalArgumentException("Duplicate access key id: " + c.accessKeyId());
            }
        }
        this.byAccessKeyId = Map.copyOf(map);
    }

    @Override
    public Optional<Credentials> find(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(byAccessKeyId.get(accessKeyId));
    }

    @Override
    public String toString() {
        return "StaticCredentialStore[" + byAccessKeyId.size() + " access keys]";
    }
}
