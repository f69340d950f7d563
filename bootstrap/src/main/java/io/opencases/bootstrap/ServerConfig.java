package io.opencases.bootstrap;

import io.opencases.application.Quotas;
import io.opencases.rest.auth.Credentials;

import java.util.List;

/**
 * Everything a deployment configures, read once at start from flags and environment variables.
 * {@code credentials} is empty only when authentication is switched off.
 */
public record ServerConfig(String host, int port, Storage storage, String region, String accountId,
                           boolean authEnabled, List<Credentials> credentials, boolean generatedCredentials,
                           Quotas quotas) {

    public enum Storage {
        MEMORY
    }

    public ServerConfig {
        credentials = List.copyOf(credentials);
    }
}
