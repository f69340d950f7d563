package io.opencases.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * PostgreSQL for the server tests: one embedded server per test JVM (fsync off: test data is thrown away), or the
 * external server named by {@code OPENCASES_TEST_JDBC_URL} (with {@code OPENCASES_TEST_JDBC_USER} and
 * {@code OPENCASES_TEST_JDBC_PASSWORD}). Every test server gets a database of its own.
 */
public final class TestDatabases {
    private static final String EXTERNAL_URL = System.getenv("OPENCASES_TEST_JDBC_URL");
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** Which storage the server suites run on: {@code -Dopencases.test.storage=postgres}, or memory. */
    public static boolean postgresRequested() {
        return "postgres".equals(System.getProperty("opencases.test.storage", "memory"));
    }

    /** {@code config} on PostgreSQL: a fresh database, and a fresh data directory for the index. */
    public static ServerConfig onPostgres(ServerConfig config) {
        try {
            var database = newDatabase();
            var dataDir = Files.createTempDirectory("opencases-test-");
            return new ServerConfig(config.host(), config.port(), ServerConfig.Storage.POSTGRES, config.region(),
                    config.accountId(), config.authEnabled(), config.credentials(), config.generatedCredentials(),
                    config.quotas(), config.events(), new ServerConfig.Database(database.url(), database.user(),
                    database.password(), dataDir, 16, false), config.operability(), config.workspace());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDBC URL and login. */
    public record Database(String url, String user, String password) {
    }

    /** Creates an empty database on the test server. */
    public static synchronized Database newDatabase() {
        String name = "oc_" + UUID.randomUUID().toString().replace("-", "");
        Database admin = admin();
        try (var connection = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
        String url = admin.url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new Database(url, admin.user(), admin.password());
    }

    private static Database admin() {
        if (EXTERNAL_URL != null && !EXTERNAL_URL.isBlank()) {
            return new Database(EXTERNAL_URL, System.getenv("OPENCASES_TEST_JDBC_USER"),
                    System.getenv("OPENCASES_TEST_JDBC_PASSWORD"));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the temporary cluster goes with it.
                }
            }));
        }
        return new Database(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }
}
