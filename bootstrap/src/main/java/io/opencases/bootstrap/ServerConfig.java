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
                           Quotas quotas, Events events, Database database, Operability operability,
                           Workspace workspace) {

    /** Every setting but the operability and workspace ones, which take their defaults. */
    public ServerConfig(String host, int port, Storage storage, String region, String accountId,
                        boolean authEnabled, List<Credentials> credentials, boolean generatedCredentials,
                        Quotas quotas, Events events, Database database) {
        this(host, port, storage, region, accountId, authEnabled, credentials, generatedCredentials, quotas, events,
                database, Operability.DEFAULT, Workspace.DEFAULT);
    }

    /** Every setting but the workspace ones, which take their defaults. */
    public ServerConfig(String host, int port, Storage storage, String region, String accountId,
                        boolean authEnabled, List<Credentials> credentials, boolean generatedCredentials,
                        Quotas quotas, Events events, Database database, Operability operability) {
        this(host, port, storage, region, accountId, authEnabled, credentials, generatedCredentials, quotas, events,
                database, operability, Workspace.DEFAULT);
    }

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
                generatedCredentials, quotas, events, newDatabase, operability, workspace);
    }

    public ServerConfig withWorkspace(Workspace newWorkspace) {
        return new ServerConfig(host, port, storage, region, accountId, authEnabled, credentials,
                generatedCredentials, quotas, events, database, operability, newWorkspace);
    }

    /**
     * The agent workspace under /workspace/ (on unless switched off) and the password of the first admin agent,
     * made at the first start (null: a generated one, printed once).
     */
    public record Workspace(boolean enabled, String adminPassword) {
        public static final Workspace DEFAULT = new Workspace(true, null);
    }

    public ServerConfig withOperability(Operability newOperability) {
        return new ServerConfig(host, port, storage, region, accountId, authEnabled, credentials,
                generatedCredentials, quotas, events, database, newOperability, workspace);
    }

    /**
     * How the server is run and watched (issue 13): Prometheus metrics at /metrics, the log format, the test
     * control plane under /_opencases/, and AWS's request-rate quotas.
     */
    public record Operability(boolean metrics, LogFormat logFormat, boolean testApi, RateLimits rateLimits) {
        public static final Operability DEFAULT = new Operability(true, LogFormat.TEXT, false, RateLimits.NONE);

        public Operability withTestApi(boolean on) {
            return new Operability(metrics, logFormat, on, rateLimits);
        }

        public Operability withMetrics(boolean on) {
            return new Operability(on, logFormat, testApi, rateLimits);
        }

        public Operability withRateLimits(RateLimits limits) {
            return new Operability(metrics, logFormat, testApi, limits);
        }
    }

    public enum LogFormat { TEXT, JSON }

    /** {@code AWS}: the per-account request quotas AWS documents for Connect Cases, answered with 429. */
    public enum RateLimits { NONE, AWS }

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
