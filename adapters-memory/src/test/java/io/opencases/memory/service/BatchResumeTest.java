package io.opencases.memory.service;

import io.opencases.application.Arns;
import io.opencases.application.Caller;
import io.opencases.application.Quotas;
import io.opencases.application.UseCaseContext;
import io.opencases.application.batch.BatchCaseService;
import io.opencases.application.batch.BatchCommands.BatchUpdateCase;
import io.opencases.application.batch.BatchCommands.ByCaseId;
import io.opencases.application.batch.BatchCommands.CaseIdentifier;
import io.opencases.application.cases.CaseCommands.CreateCase;
import io.opencases.application.cases.CaseCommands.FieldWrite;
import io.opencases.application.cases.CaseService;
import io.opencases.application.casesdomain.DomainCommands.CreateDomain;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.application.event.CaseEventRecorder;
import io.opencases.application.relateditem.RelatedItemService;
import io.opencases.application.template.TemplateCommands.CreateTemplate;
import io.opencases.application.template.TemplateService;
import io.opencases.domain.field.FieldValue;
import io.opencases.memory.MemoryAuditLog;
import io.opencases.memory.MemoryBatchReceipts;
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

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch with a client token that dies part-way (a server crash, as an unexpected failure of one case) is finished
 * by its retry: the cases already done are replayed from the receipt, never applied twice.
 */
class BatchResumeTest {
    private static final Caller ALICE = Caller.ofAccount("111111111111");

    private final MemoryDomainRepository domains = new MemoryDomainRepository();
    private final MemoryFieldRepository fields = new MemoryFieldRepository();
    private final MemoryTemplateRepository templates = new MemoryTemplateRepository();
    private final MemoryCaseRuleRepository caseRules = new MemoryCaseRuleRepository();
    private final MemoryCaseRepository cases = new MemoryCaseRepository();
    private final MemoryAuditLog auditLog = new MemoryAuditLog();
    private final MemoryRelatedItemRepository relatedItems = new MemoryRelatedItemRepository();
    private final MemoryTagRepository tags = new MemoryTagRepository();
    private final UseCaseContext context = new UseCaseContext(new MemoryUnitOfWork(),
            () -> Instant.parse("2026-05-01T08:00:00Z"), () -> UUID.randomUUID().toString(),
            new Arns("aws", "us-east-1"), Quotas.AWS_DEFAULTS);
    private final CaseEventRecorder events = new CaseEventRecorder(domains, new MemoryCaseEventOutbox(), context);
    private final io.opencases.application.search.CaseIndexing indexing =
            new io.opencases.application.search.CaseIndexing(new io.opencases.memory.MemoryCaseIndex(),
                    new io.opencases.memory.MemoryCaseChangeFeed(context.clock()), tags, context.arns(),
                    context.unitOfWork());
    private final CaseService caseService = new CaseService(domains, fields, templates, caseRules, cases, auditLog,
            relatedItems, tags, events, indexing, context);
    private final RelatedItemService relatedItemService = new RelatedItemService(domains, fields, cases,
            relatedItems, auditLog, tags, events, indexing, context);
    private final String domainId = new DomainService(domains, fields, new MemoryLayoutRepository(), templates,
            caseRules, cases, auditLog, relatedItems, tags, indexing, context).createDomain(new CreateDomain(ALICE, "d"))
            .domainId();
    private final String templateId = new TemplateService(domains, fields, new MemoryLayoutRepository(), templates,
            caseRules, tags, context).createTemplate(new CreateTemplate(ALICE, domainId, "t", null, null, null, null,
            null, null)).templateId();

    private String newCase(String title) {
        return caseService.createCase(new CreateCase(ALICE, domainId, templateId,
                List.of(new FieldWrite("title", new FieldValue.StringValue(title))), null, null, null)).caseId();
    }

    private int historyLength(String caseId) {
        return auditLog.events(domainId, caseId, 0, 100).size();
    }

    @Test
    void aRetryFinishesTheCasesACrashLeftAndReplaysTheOthers() {
        List<String> ids = List.of(newCase("a"), newCase("b"), newCase("c"));
        var crashOnce = new AtomicBoolean(true);
        var batches = new BatchCaseService(domains, fields, cases, new MemoryBatchReceipts(), command -> {
            if (command.caseId().equals(ids.get(1)) && crashOnce.getAndSet(false)) {
                throw new IllegalStateException("the server died here");
            }
            caseService.updateCase(command);
        }, relatedItemService::createRelatedItem, context);
        var request = new BatchUpdateCase(ALICE, domainId, ids.stream().map(id -> (io.opencases.application.batch
                .BatchCommands.CaseRef) new ByCaseId(id)).toList(), List.of(), null, "renamed", null, null, "tok");

        assertThatThrownBy(() -> batches.batchUpdateCase(request)).hasMessageContaining("died");
        assertThat(historyLength(ids.get(0))).isEqualTo(2);
        assertThat(historyLength(ids.get(1))).isEqualTo(1);
        assertThat(historyLength(ids.get(2))).isEqualTo(1);

        var result = batches.batchUpdateCase(request);

        assertThat(result.failedCases()).isEmpty();
        assertThat(result.successfulCases()).extracting(CaseIdentifier::caseId).containsExactlyElementsOf(ids);
        for (String id : ids) {
            assertThat(historyLength(id)).as(id).isEqualTo(2);
        }
        assertThat(batches.batchUpdateCase(request)).isEqualTo(result);
        for (String id : ids) {
            assertThat(historyLength(id)).as(id).isEqualTo(2);
        }
    }
}
