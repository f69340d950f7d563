package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import io.opencases.application.UseCaseContext;
import io.opencases.application.batch.BatchCaseService;
import io.opencases.application.cases.CaseService;
import io.opencases.application.event.CaseEventRecorder;
import io.opencases.application.merge.MergeGuard;
import io.opencases.application.merge.MergeJobRunner;
import io.opencases.application.merge.MergeService;
import io.opencases.application.merge.MergeWakeup;
import io.opencases.application.merge.RepositoryMergeStore;
import io.opencases.application.port.AuditLog;
import io.opencases.application.port.MergeJobRepository;
import io.opencases.application.port.MergeStore;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.search.CaseIndexing;
import io.opencases.application.port.BatchReceipts;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.relateditem.RelatedItemService;

import javax.inject.Singleton;

/** Issue 11's use cases: the batch operations (over the single-case use cases) and case merges. */
@Module
final class BatchAndMergeModule {
    private BatchAndMergeModule() {
    }

    @Provides
    @Singleton
    static BatchCaseService batchCaseService(DomainRepository domains, FieldRepository fields, CaseRepository cases,
                                             BatchReceipts receipts, CaseService caseService,
                                             RelatedItemService relatedItemService, UseCaseContext context) {
        return new BatchCaseService(domains, fields, cases, receipts, caseService::updateCase,
                relatedItemService::createRelatedItem, context);
    }

    /** A test and maintenance switch: start with merges held IN_PROGRESS (they run once resumed or restarted). */
    static final String PAUSED_PROPERTY = "opencases.merge.paused";

    @Provides
    @Singleton
    static MergeGuard mergeGuard(MergeJobRepository jobs) {
        return new MergeGuard(jobs);
    }

    @Provides
    @Singleton
    static MergeService mergeService(MergeStore store, CaseEventRecorder events, CaseIndexing indexing,
                                     UseCaseContext context, MergeWakeup wakeup) {
        return new MergeService(store, events, indexing, context, wakeup);
    }

    /** The same store on both profiles today: the repositories each profile binds, under one unit of work. */
    @Provides
    @Singleton
    static MergeStore mergeStore(DomainRepository domains, FieldRepository fields, CaseRepository cases,
                                 RelatedItemRepository relatedItems, TagRepository tags, AuditLog auditLog,
                                 MergeJobRepository jobs) {
        return new RepositoryMergeStore(domains, fields, cases, relatedItems, tags, auditLog, jobs);
    }

    @Provides
    @Singleton
    static MergeWakeup mergeWakeup() {
        return new MergeWakeup();
    }

    @Provides
    @Singleton
    static MergeJobRunner mergeJobRunner(MergeService merges, MergeJobRunner.Lease lease, MergeWakeup wakeup) {
        return new MergeJobRunner(merges, lease, wakeup, Boolean.getBoolean(PAUSED_PROPERTY));
    }
}
