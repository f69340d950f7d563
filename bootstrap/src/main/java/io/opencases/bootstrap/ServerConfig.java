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
                           Quotas quotas, Events events) {

    public enum Storage {
        MEMORY
    }

    /**
     * Where case events go: the log (when {@code log}, or when no webhook is configured) and every webhook URL,
     * signed with {@code webhookSecret}; {@code delivery} says how often and how patiently to retry.
     */
    public record Events(boolean log, List<java.net.URI> webhookUrls, String webhookSecret,
                         io.opencases.application.event.DeliveryPolicy delivery) {
        public static final Events DEFAULT = new Events(false, List.of(), null,
                io.opencases.application.event.DeliveryPolicy.DEFAULT);

        public Events {
            webhookUrls = List.copyOf(webhookUrls);
        }
    }

    public ServerConfig {
        credentials = List.copyOf(credentials);
    }
}
