package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import io.opencases.application.UseCaseContext;
import io.opencases.application.batch.BatchCaseService;
import io.opencases.application.cases.CaseService;
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
}
