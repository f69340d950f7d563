package io.opencases.bootstrap;

import io.opencases.application.port.BatchReceipts;
import io.opencases.application.port.MergeJobRepository;
import io.opencases.memory.MemoryBatchReceipts;
import io.opencases.memory.MemoryMergeJobRepository;
import dagger.Binds;
import dagger.Module;
import io.opencases.application.port.AuditLog;
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
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.memory.MemoryAuditLog;
import io.opencases.memory.MemoryCaseChangeFeed;
import io.opencases.memory.MemoryCaseEventOutbox;
import io.opencases.memory.MemoryCaseRepository;
import io.opencases.memory.MemoryCaseRuleRepository;
import io.opencases.memory.MemoryDomainRepository;
import io.opencases.memory.MemoryFieldRepository;
import io.opencases.memory.MemoryLayoutRepository;
import io.opencases.memory.MemoryRelatedItemRepository;
import io.opencases.memory.MemoryTagRepository;
import io.opencases.memory.MemoryTemplateRepository;
import io.opencases.memory.MemoryUnitOfWork;

import javax.inject.Singleton;

/** Storage ports bound to the in-memory adapter: nothing survives a restart. */
@Module(includes = MemoryStorageModule.Instances.class)
abstract class MemoryStorageModule {
    @Binds
    abstract DomainRepository domains(MemoryDomainRepository repository);

    @Binds
    abstract FieldRepository fields(MemoryFieldRepository repository);

    @Binds
    abstract LayoutRepository layouts(MemoryLayoutRepository repository);

    @Binds
    abstract TemplateRepository templates(MemoryTemplateRepository repository);

    @Binds
    abstract CaseRuleRepository caseRules(MemoryCaseRuleRepository repository);

    @Binds
    abstract TagRepository tags(MemoryTagRepository repository);

    @Binds
    abstract CaseRepository cases(MemoryCaseRepository repository);

    @Binds
    abstract AuditLog auditLog(MemoryAuditLog auditLog);

    @Binds
    abstract RelatedItemRepository relatedItems(MemoryRelatedItemRepository repository);

    @Binds
    abstract CaseEventOutbox outbox(MemoryCaseEventOutbox outbox);

    @Binds
    abstract UnitOfWork unitOfWork(MemoryUnitOfWork unitOfWork);

    @Binds
    abstract CaseChangeFeed changeFeed(MemoryCaseChangeFeed feed);

    // Issue 11: batch client tokens and merge jobs.
    @Binds
    abstract BatchReceipts batchReceipts(MemoryBatchReceipts receipts);

    @Binds
    abstract MergeJobRepository mergeJobs(MemoryMergeJobRepository jobs);

    @Binds
    abstract io.opencases.application.port.AgentRepository agents(io.opencases.memory.MemoryAgentRepository agents);

    /** The adapter classes carry no @Inject, so their singletons are made here. */
    @Module
    static final class Instances {
        private Instances() {
        }

        @dagger.Provides
        @Singleton
        static io.opencases.memory.MemoryAgentRepository agents() {
            return new io.opencases.memory.MemoryAgentRepository();
        }

        @dagger.Provides
        @Singleton
        static MemoryDomainRepository domains() {
            return new MemoryDomainRepository();
        }

        @dagger.Provides
        @Singleton
        static MemoryFieldRepository fields() {
            return new MemoryFieldRepository();
        }

        @dagger.Provides
        @Singleton
        static MemoryLayoutRepository layouts() {
            return new MemoryLayoutRepository();
        }

        @dagger.Provides
        @Singleton
        static MemoryTemplateRepository templates() {
            return new MemoryTemplateRepository();
        }

        @dagger.Provides
        @Singleton
        static MemoryCaseRuleRepository caseRules() {
            return new MemoryCaseRuleRepository();
        }

        @dagger.Provides
        @Singleton
        static MemoryTagRepository tags() {
            return new MemoryTagRepository();
        }

        @dagger.Provides
        @Singleton
        static MemoryCaseRepository cases() {
            return new MemoryCaseRepository();
        }

        @dagger.Provides
        @Singleton
        static MemoryAuditLog auditLog() {
            return new MemoryAuditLog();
        }

        @dagger.Provides
        @Singleton
        static MemoryRelatedItemRepository relatedItems() {
            return new MemoryRelatedItemRepository();
        }

        @dagger.Provides
        @Singleton
        static MemoryCaseEventOutbox outbox() {
            return new MemoryCaseEventOutbox();
        }

        @dagger.Provides
        @Singleton
        static MemoryCaseChangeFeed changeFeed() {
            // The system's time, like PostgreSQL's feed: the test control plane's clock must not move the follower's
            // look-back window (issue 13).
            return new MemoryCaseChangeFeed(java.time.Instant::now);
        }

        @dagger.Provides
        @Singleton
        static io.opencases.application.port.CaseStore caseStore(MemoryDomainRepository domains,
                MemoryFieldRepository fields, MemoryTemplateRepository templates, MemoryCaseRuleRepository caseRules,
                MemoryCaseRepository cases, MemoryTagRepository tags, MemoryAuditLog auditLog,
                MemoryRelatedItemRepository relatedItems, MemoryCaseEventOutbox outbox, MemoryCaseChangeFeed feed,
                MemoryUnitOfWork unitOfWork, MemoryMergeJobRepository mergeJobs) {
            return new io.opencases.memory.MemoryCaseStore(domains, fields, templates, caseRules, cases, tags,
                    auditLog, relatedItems, outbox, feed, unitOfWork, mergeJobs);
        }

        @dagger.Provides
        @Singleton
        static io.opencases.application.port.DomainContents domainContents(MemoryFieldRepository fields,
                MemoryLayoutRepository layouts, MemoryTemplateRepository templates,
                MemoryCaseRuleRepository caseRules, MemoryCaseRepository cases,
                MemoryRelatedItemRepository relatedItems, MemoryAuditLog auditLog, MemoryTagRepository tags) {
            return new io.opencases.memory.MemoryDomainContents(fields, layouts, templates, caseRules, cases,
                    relatedItems, auditLog, tags);
        }

        @dagger.Provides
        @Singleton
        static MemoryUnitOfWork unitOfWork() {
            return new MemoryUnitOfWork();
        }

        /** One instance owns the memory store, so it always runs the merges. */
        @dagger.Provides
        static io.opencases.application.merge.MergeJobRunner.Lease mergeLease() {
            return () -> true;
        }

        @dagger.Provides
        @Singleton
        static MemoryBatchReceipts batchReceipts() {
            return new MemoryBatchReceipts();
        }

        @dagger.Provides
        @Singleton
        static MemoryMergeJobRepository mergeJobs() {
            return new MemoryMergeJobRepository();
        }
    }
}
