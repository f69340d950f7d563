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
                           Quotas quotas, Events events, Database database, Workspace workspace) {

    public enum Storage {
        /** Everything in the process; gone on exit. */
        MEMORY,
        /** A PostgreSQL started and stopped with the server, its data under the data directory (the default). */
        EMBEDDED,
        /** An external PostgreSQL server at {@code jdbcUrl}. */
        POSTGRES
    }

    /**
     * The durable storage settings: the JDBC URL and login ({@code jdbcUrl} is filled in by the server itself for
     * the embedded database), the data directory (the embedded database and the search index live there), the
     * connection pool size, and whether to rebuild the search index from the store at start.
     */
    public record Database(String jdbcUrl, String user, String password, java.nio.file.Path dataDir, int poolSize,
                           boolean rebuildIndex) {
        public static final Database DEFAULT = new Database(null, null, null, java.nio.file.Path.of("data"), 16,
                false);

        public Database withJdbcUrl(String url, String newUser, String newPassword) {
            return new Database(url, newUser, newPassword, dataDir, poolSize, rebuildIndex);
        }

        /** Where this instance keeps its search index. */
        public java.nio.file.Path indexDir() {
            return dataDir.resolve("index");
        }
    }

    /** A configuration without durable storage settings (memory storage, tests). */
    public ServerConfig(String host, int port, Storage storage, String region, String accountId,
                        boolean authEnabled, List<Credentials> credentials, boolean generatedCredentials,
                        Quotas quotas, Events events) {
        this(host, port, storage, region, accountId, authEnabled, credentials, generatedCredentials, quotas, events,
                Database.DEFAULT);
    }

    public ServerConfig withDatabase(Database newDatabase) {
        return new ServerConfig(host, port, storage, region, accountId, authEnabled, credentials,
                generatedCredentials, quotas, events, newDatabase, workspace);
    }

    /** A configuration with the default workspace settings. */
    public ServerConfig(String host, int port, Storage storage, String region, String accountId,
                        boolean authEnabled, List<Credentials> credentials, boolean generatedCredentials,
                        Quotas quotas, Events events, Database database) {
        this(host, port, storage, region, accountId, authEnabled, credentials, generatedCredentials, quotas, events,
                database, Workspace.DEFAULT);
    }

    public ServerConfig withWorkspace(Workspace newWorkspace) {
        return new ServerConfig(host, port, storage, region, accountId, authEnabled, credentials,
                generatedCredentials, quotas, events, database, newWorkspace);
    }

    /**
     * The agent workspace under /workspace/ (on unless switched off) and the password of the first admin agent,
     * made at the first start (null: a generated one, printed once).
     */
    public record Workspace(boolean enabled, String adminPassword) {
        public static final Workspace DEFAULT = new Workspace(true, null);
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
