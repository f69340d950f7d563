package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.opencases.jdbc.JdbcStorage;

import javax.inject.Singleton;

/** On PostgreSQL: the pool's own metrics, SQL statement counts, and the database monitor. */
@Module
final class JdbcOperabilityModule {
    private JdbcOperabilityModule() {
    }

    @Provides
    @Singleton
    static DatabaseMonitor databaseMonitor(JdbcStorage storage) {
        return new DatabaseMonitor(storage);
    }

    @Provides
    @IntoSet
    static AutoCloseable closeMonitor(DatabaseMonitor monitor) {
        return monitor;
    }

    @Provides
    @IntoSet
    static OperabilityModule.MetricsSource storageMetrics(JdbcStorage storage) {
        return metrics -> {
            metrics.registry().ifPresent(storage::publishPoolMetrics);
            storage.observeStatements(metrics::statementExecuted);
        };
    }
}
