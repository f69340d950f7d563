package io.opencases.memory.service;

import io.opencases.application.Arns;
import io.opencases.application.Caller;
import io.opencases.application.PageRequest;
import io.opencases.application.Quotas;
import io.opencases.application.UseCaseContext;
import io.opencases.application.cases.CaseCommands.CreateCase;
import io.opencases.application.cases.CaseCommands.FieldWrite;
import io.opencases.application.cases.CaseCommands.UpdateCase;
import io.opencases.application.cases.CaseService;
import io.opencases.application.event.CaseEventRecorder;
import io.opencases.application.casesdomain.DomainCommands.CreateDomain;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.application.relateditem.RelatedItemCommands.CreateRelatedItem;
import io.opencases.application.relateditem.RelatedItemCommands.NewSla;
import io.opencases.application.relateditem.RelatedItemCommands.SearchRelatedItems;
import io.opencases.application.relateditem.RelatedItemService;
import io.opencases.application.template.TemplateCommands.CreateTemplate;
import io.opencases.application.template.TemplateService;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemType;
import io.opencases.domain.relateditem.SlaStatus;
import io.opencases.memory.MemoryAuditLog;
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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA status over time with an injected clock, and concurrent CreateCase retries sharing one client token. */
class CaseSlaAndIdempotencyTest {
    private static final Caller ALICE = Caller.ofAccount("111111111111");
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T08:00:00Z"));
    private final MemoryDomainRepository domains = new MemoryDomainRepository();
    private final MemoryFieldRepository fields = new MemoryFieldRepository();
    private final MemoryTemplateRepository templates = new MemoryTemplateRepository();
    private final MemoryCaseRuleRepository caseRules = new MemoryCaseRuleRepository();
    private final MemoryCaseRepository cases = new MemoryCaseRepository();
    private final MemoryAuditLog auditLog = new MemoryAuditLog();
    private final MemoryRelatedItemRepository relatedItems = new MemoryRelatedItemRepository();
    private final MemoryTagRepository tags = new MemoryTagRepository();
    private final MemoryUnitOfWork unitOfWork = new MemoryUnitOfWork();
    private final io.opencases.memory.MemoryCaseEventOutbox outbox = new io.opencases.memory.MemoryCaseEventOutbox();
    private final io.opencases.memory.MemoryCaseChangeFeed feed = new io.opencases.memory.MemoryCaseChangeFeed(now::get);
    private final io.opencases.memory.MemoryCaseStore store = new io.opencases.memory.MemoryCaseStore(domains,
            fields, templates, caseRules, cases, tags, auditLog, relatedItems, outbox, feed, unitOfWork,
            new io.opencases.memory.MemoryMergeJobRepository());
    private final UseCaseContext context = new UseCaseContext(unitOfWork, now::get,
            () -> UUID.randomUUID().toString(), new Arns("aws", "us-east-1"), Quotas.AWS_DEFAULTS,
            new io.opencases.application.casesdomain.DomainConfigurations(store, feed, unitOfWork));
    private final CaseEventRecorder events = new CaseEventRecorder(domains, outbox, context);
    private final io.opencases.application.search.CaseIndexing indexing =
            new io.opencases.application.search.CaseIndexing(new io.opencases.memory.MemoryCaseIndex(),
                    feed, tags, context.arns(),
                    context.unitOfWork());
    private final CaseService caseService = new CaseService(store, context.configurations(), indexing, context);
    private final RelatedItemService relatedItemService = new RelatedItemService(
            new io.opencases.application.relateditem.RepositoryRelatedItemStore(domains, fields, cases, relatedItems,
                    tags, auditLog), events, indexing, context);
    private final String domainId = new DomainService(domains, fields,
            new io.opencases.memory.MemoryDomainContents(fields, new MemoryLayoutRepository(), templates, caseRules,
                    cases, relatedItems, auditLog, tags), tags, indexing, context).createDomain(new CreateDomain(ALICE, "d"))
            .domainId();
    private final String templateId = new TemplateService(domains, fields, new MemoryLayoutRepository(), templates,
            caseRules, tags, context).createTemplate(new CreateTemplate(ALICE, domainId, "t", null, null, null, null,
            null, null)).templateId();

    private CreateCase create(String token) {
        return new CreateCase(ALICE, domainId, templateId, List.of(
                new FieldWrite("title", new FieldValue.StringValue("t")),
                new FieldWrite("customer_id", new FieldValue.StringValue(CUSTOMER))), token, null, null);
    }

    private RelatedItemContent.Sla sla(String caseId) {
        var page = relatedItemService.searchRelatedItems(new SearchRelatedItems(ALICE, domainId, caseId, List.of(),
                new PageRequest(null, null)));
        return (RelatedItemContent.Sla) page.items().get(0).item().content();
    }

    private void addSla(String caseId, long minutes) {
        relatedItemService.createRelatedItem(new CreateRelatedItem(ALICE, domainId, caseId, RelatedItemType.Sla,
                new NewSla("resolve", "status", List.of(new FieldValue.StringValue("closed")), minutes), null));
    }

    private void setStatus(String caseId, String status) {
        caseService.updateCase(new UpdateCase(ALICE, domainId, caseId,
                List.of(new FieldWrite("status", new FieldValue.StringValue(status))), null));
    }

    @Test
    void slaGoesActiveThenOverdueThenNotMetWhenClosedLate() {
        String caseId = caseService.createCase(create(null)).caseId();
        addSla(caseId, 30);

        assertThat(sla(caseId).status(now.get())).isEqualTo(SlaStatus.Active);
        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertThat(sla(caseId).status(now.get())).isEqualTo(SlaStatus.Overdue);

        setStatus(caseId, "closed");
        now.set(now.get().plus(Duration.ofDays(1)));

        assertThat(sla(caseId).status(now.get())).isEqualTo(SlaStatus.NotMet);
        assertThat(sla(caseId).completionTime()).isEqualTo(Instant.parse("2026-05-01T08:31:00Z"));
        setStatus(caseId, "open");
        assertThat(sla(caseId).status(now.get())).as("a completed SLA stays completed").isEqualTo(SlaStatus.NotMet);
    }

    @Test
    void slaClosedInTimeIsMetAndOneAddedToAClosedCaseIsMetAtOnce() {
        String caseId = caseService.createCase(create(null)).caseId();
        addSla(caseId, 30);
        now.set(now.get().plus(Duration.ofMinutes(10)));
        setStatus(caseId, "closed");
        assertThat(sla(caseId).status(now.get().plus(Duration.ofDays(3)))).isEqualTo(SlaStatus.Met);

        String closedCase = caseService.createCase(create(null)).caseId();
        setStatus(closedCase, "closed");
        addSla(closedCase, 5);
        assertThat(sla(closedCase).status(now.get())).isEqualTo(SlaStatus.Met);
    }

    @Test
    void concurrentRetriesWithOneClientTokenCreateOneCase() throws Exception {
        int callers = 8;
        var start = new CountDownLatch(1);
        try (var pool = new AutoClosingPool(callers)) {
            var results = new java.util.ArrayList<Future<String>>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.executor.submit(() -> {
                    start.await();
                    return caseService.createCase(create("retry-token")).caseId();
                }));
            }
            start.countDown();
            var ids = new HashSet<String>();
            for (Future<String> result : results) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(1);
            assertThat(cases.find(domainId, ids.iterator().next())).isPresent();
        }
    }

    /** An executor that is shut down when the test ends. */
    private static final class AutoClosingPool implements AutoCloseable {
        final java.util.concurrent.ExecutorService executor;

        AutoClosingPool(int threads) {
            executor = Executors.newFixedThreadPool(threads);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
