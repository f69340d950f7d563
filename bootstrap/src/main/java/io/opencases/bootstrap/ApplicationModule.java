package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import io.opencases.application.Arns;
import io.opencases.application.UseCaseContext;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.application.field.FieldService;
import io.opencases.application.layout.LayoutService;
import io.opencases.application.cases.CaseService;
import io.opencases.application.event.CaseEventDispatcher;
import io.opencases.application.event.CaseEventRecorder;
import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.search.CaseIndexMaintenance;
import io.opencases.application.search.CaseIndexer;
import io.opencases.application.search.CaseIndexing;
import io.opencases.application.search.SearchService;
import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.CaseEventPublisher;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.Clock;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.IdGenerator;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.relateditem.RelatedItemService;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.port.UnitOfWork;
import io.opencases.application.rule.CaseRuleService;
import io.opencases.application.tag.TagService;
import io.opencases.application.template.TemplateService;

import javax.inject.Singleton;
import java.time.Instant;

/**
 * The use cases, built from whatever storage module the component includes. The application layer carries no DI
 * annotations, so its services are constructed here.
 */
@Module
final class ApplicationModule {
    private static final org.slf4j.Logger DEAD_LETTERS = org.slf4j.LoggerFactory.getLogger("opencases.events.dead");
    private ApplicationModule() {
    }

    @Provides
    @Singleton
    static Clock clock(ControllableClock clock) {
        // The system's time unless the test control plane moved it (issue 13).
        return clock;
    }

    @Provides
    @Singleton
    static IdGenerator ids() {
        return new io.opencases.application.TimeOrderedIds();
    }

    @Provides
    @Singleton
    static Arns arns(ServerConfig config) {
        return new Arns("aws", config.region());
    }

    @Provides
    @Singleton
    static UseCaseContext context(UnitOfWork unitOfWork, Clock clock, IdGenerator ids, Arns arns,
                                  ServerConfig config,
                                  io.opencases.application.casesdomain.DomainConfigurations configurations) {
        return new UseCaseContext(unitOfWork, clock, ids, arns, config.quotas(), configurations);
    }

    @Provides
    @Singleton
    static DomainService domainService(DomainRepository domains, FieldRepository fields,
                                       io.opencases.application.port.DomainContents contents, TagRepository tags,
                                       CaseIndexing indexing, UseCaseContext context) {
        return new DomainService(domains, fields, contents, tags, indexing, context);
    }

    @Provides
    @Singleton
    static FieldService fieldService(DomainRepository domains, FieldRepository fields, TagRepository tags,
                                     UseCaseContext context) {
        return new FieldService(domains, fields, tags, context);
    }

    @Provides
    @Singleton
    static LayoutService layoutService(DomainRepository domains, FieldRepository fields, LayoutRepository layouts,
                                       TagRepository tags, UseCaseContext context) {
        return new LayoutService(domains, fields, layouts, tags, context);
    }

    @Provides
    @Singleton
    static TemplateService templateService(DomainRepository domains, FieldRepository fields,
                                           LayoutRepository layouts, TemplateRepository templates,
                                           CaseRuleRepository caseRules, TagRepository tags, UseCaseContext context) {
        return new TemplateService(domains, fields, layouts, templates, caseRules, tags, context);
    }

    @Provides
    @Singleton
    static CaseRuleService caseRuleService(DomainRepository domains, FieldRepository fields,
                                           TemplateRepository templates, CaseRuleRepository caseRules,
                                           TagRepository tags, UseCaseContext context) {
        return new CaseRuleService(domains, fields, templates, caseRules, tags, context);
    }

    @Provides
    @Singleton
    static TagService tagService(io.opencases.application.port.TagStore store, CaseIndexing indexing,
                                 UseCaseContext context) {
        return new TagService(store, indexing, context);
    }

    /** The tag use cases' storage: tags and the case lock from their repositories, existence from the domain's contents. */
    @Provides
    @Singleton
    static io.opencases.application.port.TagStore tagStore(DomainRepository domains,
            io.opencases.application.port.DomainContents contents, CaseRepository cases, TagRepository tags) {
        return new io.opencases.application.tag.RepositoryTagStore(domains, contents, cases, tags);
    }

    @Provides
    @Singleton
    static CaseService caseService(io.opencases.application.port.CaseStore store,
                                   io.opencases.application.casesdomain.DomainConfigurations configurations,
                                   CaseIndexing indexing, UseCaseContext context) {
        return new CaseService(store, configurations, indexing, context);
    }

    /**
     * This instance's cache of domain configurations (issue 9): evicted by this instance's configuration changes and,
     * through the change feed the index maintenance follows, by those of other instances.
     */
    @Provides
    @Singleton
    static io.opencases.application.casesdomain.DomainConfigurations domainConfigurations(
            io.opencases.application.port.CaseStore store, CaseChangeFeed feed, UnitOfWork unitOfWork) {
        return new io.opencases.application.casesdomain.DomainConfigurations(store, feed, unitOfWork);
    }

    @Provides
    @Singleton
    static CaseEventRecorder caseEventRecorder(DomainRepository domains, CaseEventOutbox outbox,
                                               UseCaseContext context) {
        return new CaseEventRecorder(domains, outbox, context);
    }

    @Provides
    @Singleton
    static CaseEventDispatcher caseEventDispatcher(CaseEventOutbox outbox, CaseEventPublisher publisher,
                                                   UnitOfWork unitOfWork, Clock clock, ServerConfig config,
                                                   OutboxActivity activity) {
        return new CaseEventDispatcher(outbox, activity.observe(publisher), unitOfWork, clock,
                config.events().delivery(), dead -> {
                    activity.deadLettered();
                    DEAD_LETTERS.warn("Case event {} ({} of case {}) given up after {} attempts: {}",
                            dead.event().eventId(), dead.event().eventType(), dead.event().caseId(),
                            dead.attempts(), dead.lastError());
                });
    }

    @Provides
    @Singleton
    static RelatedItemService relatedItemService(io.opencases.application.port.RelatedItemStore store,
                                                 CaseEventRecorder events, CaseIndexing indexing,
                                                 UseCaseContext context,
                                                 io.opencases.application.merge.MergeGuard merges) {
        return new RelatedItemService(store, events, indexing, context, merges);
    }

    /** The related-item use cases' storage: the same composition of repositories on both storage profiles. */
    @Provides
    @Singleton
    static io.opencases.application.port.RelatedItemStore relatedItemStore(DomainRepository domains,
            FieldRepository fields, CaseRepository cases, RelatedItemRepository relatedItems, TagRepository tags,
            AuditLog auditLog) {
        return new io.opencases.application.relateditem.RepositoryRelatedItemStore(domains, fields, cases,
                relatedItems, tags, auditLog);
    }

    @Provides
    @Singleton
    static CaseIndexing caseIndexing(CaseIndex index, CaseIndexer indexer, CaseChangeFeed feed, TagRepository tags,
                                     Arns arns, UnitOfWork unitOfWork) {
        return new CaseIndexing(index, indexer, feed, tags, arns, unitOfWork);
    }

    /** The one thread that writes the case index (issue 10). */
    @Provides
    @Singleton
    static CaseIndexer caseIndexer(CaseIndex index) {
        return new CaseIndexer(index);
    }

    @Provides
    @Singleton
    static CaseIndexMaintenance caseIndexMaintenance(CaseIndex index, CaseChangeFeed feed, CaseRepository cases,
                                                     DomainRepository domains, CaseIndexing indexing,
                                                     UnitOfWork unitOfWork, UseCaseContext context) {
        // The system's time, as the change feed records it: a clock moved by the test control plane must not
        // settle changes that may still become visible (issue 13).
        return new CaseIndexMaintenance(index, feed, cases, domains, indexing, unitOfWork, Instant::now,
                CaseIndexMaintenance.DEFAULT_LOOKBACK, context.configurations());
    }

    @Provides
    @Singleton
    static SearchService searchService(DomainRepository domains, FieldRepository fields, CaseIndex index,
                                       CaseIndexing indexing, RelatedItemRepository relatedItems,
                                       TagRepository tags, UseCaseContext context) {
        return new SearchService(domains, fields, index, indexing, relatedItems, tags, context);
    }
}
