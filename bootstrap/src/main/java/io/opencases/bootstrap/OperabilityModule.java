package io.opencases.bootstrap;

import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.UnitOfWork;
import io.opencases.application.reset.ResetService;
import io.opencases.application.search.CaseIndexMaintenance;
import io.opencases.lucene.LuceneCaseIndex;
import io.opencases.rest.RequestAuthenticator;
import io.opencases.rest.RestServer;
import io.opencases.rest.ops.Availability;
import io.opencases.rest.ops.AwsRequestQuotas;
import io.opencases.rest.ops.ReadinessEndpoint;
import io.opencases.rest.ops.RequestLog;
import io.opencases.rest.ops.RequestObserver;
import io.opencases.rest.ops.RequestThrottle;
import io.opencases.rest.ops.TestControlHandler;
import io.opencases.rest.ops.TextEndpoint;
import io.opencases.rest.ops.TokenBuckets;

import javax.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Issue 13's wiring, shared by every storage profile: metrics, readiness, fail-fast while the database is down,
 * the request log, the test control plane and AWS's rate limits. Storage-specific parts (the pool's metrics, the
 * database monitor) come from {@link JdbcOperabilityModule}.
 */
@Module
abstract class OperabilityModule {
    /** Extra metrics a storage profile binds (the connection pool, SQL statement counts). */
    interface MetricsSource {
        void bindTo(ServerMetrics metrics);
    }

    /** Everything the REST server needs from this module. */
    record Edges(RequestObserver observer, List<RestServer.Route> routes, Availability availability,
                 RequestThrottle throttle) {
    }

    @Multibinds
    abstract Set<MetricsSource> metricsSources();

    @BindsOptionalOf
    abstract DatabaseMonitor databaseMonitor();

    @Provides
    @Singleton
    static ControllableClock controllableClock() {
        return new ControllableClock();
    }

    @Provides
    @Singleton
    static IndexProgress indexProgress(CaseChangeFeed feed, UnitOfWork unitOfWork, CaseIndexMaintenance maintenance,
                                       LuceneCaseIndex index) {
        return new IndexProgress(feed, unitOfWork, maintenance, index);
    }

    @Provides
    @Singleton
    static OutboxActivity outboxActivity(ControllableClock clock) {
        return new OutboxActivity(clock);
    }

    @Provides
    @Singleton
    static ServerMetrics metrics(ServerConfig config, Set<MetricsSource> sources, IndexProgress index,
                                 OutboxActivity outbox) {
        if (!config.operability().metrics()) {
            return ServerMetrics.off();
        }
        var metrics = ServerMetrics.on(List.of(index::bindTo, outbox::bindTo));
        sources.forEach(source -> source.bindTo(metrics));
        return metrics;
    }

    @Provides
    @dagger.multibindings.IntoSet
    static AutoCloseable closeMetrics(ServerMetrics metrics) {
        return metrics;
    }

    @Provides
    @Singleton
    static Observability observability(ServerMetrics metrics, IndexProgress index, OutboxActivity outbox,
                                       Optional<DatabaseMonitor> database, CaseEventOutbox outboxPort,
                                       UnitOfWork unitOfWork) {
        return new Observability(metrics, index, outbox, database, outboxPort, unitOfWork);
    }

    @Provides
    @Singleton
    static ResetService resetService(DomainService domainService, DomainRepository domains, CaseEventOutbox outbox,
                                     UnitOfWork unitOfWork) {
        return new ResetService(domainService, domains, outbox, unitOfWork);
    }

    @Provides
    @Singleton
    static Edges edges(ServerConfig config, Observability observability, RequestAuthenticator authenticator,
                       ResetService reset, ControllableClock clock, CaseEventOutbox outbox, UnitOfWork unitOfWork) {
        var routes = new ArrayList<RestServer.Route>();
        if (observability.metrics().enabled()) {
            routes.add(RestServer.Route.exact("/metrics", new TextEndpoint("text/plain; version=0.0.4; charset=utf-8",
                    observability.metrics()::scrape)));
        }
        routes.add(RestServer.Route.exact("/health/ready", new ReadinessEndpoint(observability::failing)));
        if (config.operability().testApi()) {
            routes.add(RestServer.Route.under(TestControlHandler.PREFIX, new TestControlHandler(authenticator,
                    new ServerTestControl(reset, clock, outbox, unitOfWork, observability.outbox()))));
        }
        RequestObserver observer = RequestObserver.all(List.of(observability.metrics().requestObserver(),
                new RequestLog()));
        Availability availability = observability.database().<Availability>map(monitor -> monitor)
                .orElse(Availability.ALWAYS);
        RequestThrottle throttle = config.operability().rateLimits() == ServerConfig.RateLimits.AWS
                ? new TokenBuckets(AwsRequestQuotas.quotas(), System::nanoTime)
                : RequestThrottle.NONE;
        return new Edges(observer, List.copyOf(routes), availability, throttle);
    }
}
