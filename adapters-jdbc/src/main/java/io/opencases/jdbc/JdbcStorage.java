package io.opencases.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opencases.application.port.AuditLog;
import io.opencases.application.port.BatchReceipts;
import io.opencases.application.port.MergeJobRepository;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.CaseStore;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.port.UnitOfWork;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Every storage port on PostgreSQL: one HikariCP pool, one Jdbi over it, the schema migrated by Flyway when the
 * storage starts (a server on an older schema upgrades itself; instances starting together take turns under
 * Flyway's lock). Thread-safe: make one per server and share its ports.
 */
public final class JdbcStorage implements AutoCloseable {
    /** The pool size {@link #on} uses. */
    static final int DEFAULT_POOL_SIZE = 16;

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final DeliveryLease lease;
    private final ConnectionProbe probe;
    private final DomainRepository domains;
    private final FieldRepository fields;
    private final LayoutRepository layouts;
    private final TemplateRepository templates;
    private final CaseRuleRepository caseRules;
    private final TagRepository tags;
    private final CaseRepository cases;
    private final AuditLog auditLog;
    private final RelatedItemRepository relatedItems;
    private final CaseEventOutbox outbox;
    private final CaseChangeFeed changeFeed;
    private final CaseStore caseStore;
    private final io.opencases.application.port.DomainContents domainContents;
    private final UnitOfWork unitOfWork;
    // Issue 11: batch client tokens, merge jobs and the lease of the merge runner.
    private final BatchReceipts batchReceipts;
    private final MergeJobRepository mergeJobs;
    private final DeliveryLease mergeLease;
    private final io.opencases.application.port.AgentRepository agents;

    private JdbcStorage(DataSource connections, int maxPoolSize) {
        migrate(connections);
        this.pool = pool(connections, maxPoolSize);
        this.lease = new DeliveryLease(connections);
        this.probe = new ConnectionProbe(connections);
        this.jdbi = Jdbi.create(pool);
        jdbi.registerArgument(new InstantArgumentFactory());
        var unitOfWork = new JdbcUnitOfWork(jdbi);
        this.unitOfWork = unitOfWork;
        this.domains = new JdbcDomainRepository(jdbi);
        this.fields = new JdbcFieldRepository(jdbi);
        this.layouts = new JdbcLayoutRepository(jdbi);
        this.templates = new JdbcTemplateRepository(jdbi);
        this.caseRules = new JdbcCaseRuleRepository(jdbi);
        this.tags = new JdbcTagRepository(jdbi);
        this.cases = new JdbcCaseRepository(jdbi, unitOfWork);
        this.auditLog = new JdbcAuditLog(jdbi);
        this.relatedItems = new JdbcRelatedItemRepository(jdbi);
        this.outbox = new JdbcCaseEventOutbox(jdbi, lease);
        this.changeFeed = new JdbcCaseChangeFeed(jdbi);
        this.caseStore = new JdbcCaseStore(pool);
        this.domainContents = new JdbcDomainContents(jdbi);
        this.batchReceipts = new JdbcBatchReceipts(jdbi);
        this.mergeJobs = new JdbcMergeJobRepository(jdbi);
        this.mergeLease = new DeliveryLease(connections, DeliveryLease.MERGE_LOCK_KEY);
        this.agents = new JdbcAgentRepository(jdbi);
    }

    /** A HikariCP pool on the server, schema migrated with Flyway (a server on an older schema upgrades itself). */
    public static JdbcStorage connect(String jdbcUrl, String user, String password, int maxPoolSize) {
        var server = new PGSimpleDataSource();
        server.setURL(jdbcUrl);
        if (user != null) {
            server.setUser(user);
        }
        if (password != null) {
            server.setPassword(password);
        }
        server.setTcpKeepAlive(true);
        // Server-prepared from the first use: every statement is one of a few fixed texts, and the driver keeps
        // each connection's prepared statements (256 by default), so a call sends only Bind/Execute.
        server.setPrepareThreshold(1);
        return new JdbcStorage(server, maxPoolSize);
    }

    /** On a caller's DataSource (tests); migrates too. The storage pools its connections and never closes it. */
    public static JdbcStorage on(DataSource dataSource) {
        return new JdbcStorage(dataSource, DEFAULT_POOL_SIZE);
    }

    private static void migrate(DataSource connections) {
        Flyway.configure().dataSource(connections).locations("classpath:db/migration").load().migrate();
    }

    private static HikariDataSource pool(DataSource connections, int maxPoolSize) {
        var config = new HikariConfig();
        config.setPoolName("opencases");
        config.setDataSource(connections);
        config.setMaximumPoolSize(maxPoolSize);
        // Reads want REPEATABLE READ and get it without a statement; writes raise it to SERIALIZABLE.
        config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    public DomainRepository domains() {
        return domains;
    }

    public FieldRepository fields() {
        return fields;
    }

    public LayoutRepository layouts() {
        return layouts;
    }

    public TemplateRepository templates() {
        return templates;
    }

    public CaseRuleRepository caseRules() {
        return caseRules;
    }

    public TagRepository tags() {
        return tags;
    }

    public CaseRepository cases() {
        return cases;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public RelatedItemRepository relatedItems() {
        return relatedItems;
    }

    public CaseEventOutbox outbox() {
        return outbox;
    }

    public CaseChangeFeed changeFeed() {
        return changeFeed;
    }

    public CaseStore caseStore() {
        return caseStore;
    }

    public io.opencases.application.port.DomainContents domainContents() {
        return domainContents;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public BatchReceipts batchReceipts() {
        return batchReceipts;
    }

    public MergeJobRepository mergeJobs() {
        return mergeJobs;
    }

    /** Whether this instance holds the lease to run merge jobs (one instance on a database does). */
    public boolean holdsMergeLease() {
        return mergeLease.acquire();
    }

    /**
     * Lets the pool publish HikariCP's own metrics to {@code registry} (a Micrometer MeterRegistry, as HikariCP
     * accepts); typed loosely so this adapter does not depend on the metrics library.
     */
    public void publishPoolMetrics(Object registry) {
        pool.setMetricRegistry(registry);
    }

    /**
     * Retires every pooled connection (the database restarted: they may point at a dead session); the pool opens
     * new ones as needed.
     */
    public void evictConnections() {
        var bean = pool.getHikariPoolMXBean();
        if (bean != null) {
            bean.softEvictConnections();
        }
    }

    /** Calls {@code afterEach} after every SQL statement this storage executes (for statement counts). */
    public void observeStatements(Runnable afterEach) {
        jdbi.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext context) {
                afterEach.run();
            }
        });
    }

    /**
     * Whether the database answers within {@code timeoutSeconds}, on a connection of its own outside the pool (so
     * the check neither waits for a pooled connection nor takes one from requests).
     */
    public boolean reachable(int timeoutSeconds) {
        return probe.reachable(timeoutSeconds);
    }

    public io.opencases.application.port.AgentRepository agents() {
        return agents;
    }

    /** For this package's tests, which look at the tables directly. */
    Jdbi jdbi() {
        return jdbi;
    }

    /** Releases the delivery lease and closes the pool (never a DataSource given to {@link #on}). */
    @Override
    public void close() {
        lease.close();
        mergeLease.close();
        probe.close();
        pool.close();
    }

    /** Instants go to timestamptz columns as UTC offset date-times, whatever the JVM's time zone. */
    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, context) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
        }
    }
}
