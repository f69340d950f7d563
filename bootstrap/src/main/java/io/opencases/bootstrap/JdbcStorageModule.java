package io.opencases.bootstrap;

import io.opencases.application.port.BatchReceipts;
import io.opencases.application.port.MergeJobRepository;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.port.UnitOfWork;
import io.opencases.jdbc.JdbcStorage;

import javax.inject.Singleton;

/** Storage ports bound to PostgreSQL (embedded or external): one pool, schema migrated at start. */
@Module
final class JdbcStorageModule {
    private JdbcStorageModule() {
    }

    @Provides
    @Singleton
    static JdbcStorage storage(ServerConfig config) {
        var database = config.database();
        return JdbcStorage.connect(database.jdbcUrl(), database.user(), database.password(), database.poolSize());
    }

    @Provides
    @IntoSet
    static AutoCloseable closeStorage(JdbcStorage storage) {
        return storage;
    }

    @Provides
    static io.opencases.application.port.AgentRepository agents(JdbcStorage storage) {
        return storage.agents();
    }

    @Provides
    static DomainRepository domains(JdbcStorage storage) {
        return storage.domains();
    }

    @Provides
    static FieldRepository fields(JdbcStorage storage) {
        return storage.fields();
    }

    @Provides
    static LayoutRepository layouts(JdbcStorage storage) {
        return storage.layouts();
    }

    @Provides
    static TemplateRepository templates(JdbcStorage storage) {
        return storage.templates();
    }

    @Provides
    static CaseRuleRepository caseRules(JdbcStorage storage) {
        return storage.caseRules();
    }

    @Provides
    static TagRepository tags(JdbcStorage storage) {
        return storage.tags();
    }

    @Provides
    static CaseRepository cases(JdbcStorage storage) {
        return storage.cases();
    }

    @Provides
    static AuditLog auditLog(JdbcStorage storage) {
        return storage.auditLog();
    }

    @Provides
    static RelatedItemRepository relatedItems(JdbcStorage storage) {
        return storage.relatedItems();
    }

    @Provides
    static CaseEventOutbox outbox(JdbcStorage storage) {
        return storage.outbox();
    }

    @Provides
    static CaseChangeFeed changeFeed(JdbcStorage storage) {
        return storage.changeFeed();
    }

    @Provides
    static io.opencases.application.port.CaseStore caseStore(JdbcStorage storage) {
        return storage.caseStore();
    }

    @Provides
    static io.opencases.application.port.DomainContents domainContents(JdbcStorage storage) {
        return storage.domainContents();
    }

    @Provides
    static UnitOfWork unitOfWork(JdbcStorage storage) {
        return storage.unitOfWork();
    }

    // Issue 11: batch client tokens and merge jobs.
    @Provides
    static BatchReceipts batchReceipts(JdbcStorage storage) {
        return storage.batchReceipts();
    }

    @Provides
    static MergeJobRepository mergeJobs(JdbcStorage storage) {
        return storage.mergeJobs();
    }

    /** Of the instances on one database, the one holding the advisory-lock lease runs the merges. */
    @Provides
    static io.opencases.application.merge.MergeJobRunner.Lease mergeLease(JdbcStorage storage) {
        return storage::holdsMergeLease;
    }
}
