package io.opencases.memory.service;

import io.opencases.application.batch.BatchCaseService;
import io.opencases.application.batch.BatchCommands.BatchUpdateCase;
import io.opencases.application.batch.BatchCommands.ByCaseId;
import io.opencases.application.batch.BatchCommands.CaseIdentifier;
import io.opencases.application.batch.BatchCommands.CaseRef;
import io.opencases.application.cases.CaseCommands.CreateCase;
import io.opencases.application.cases.CaseCommands.FieldWrite;
import io.opencases.application.template.TemplateCommands.CreateTemplate;
import io.opencases.domain.field.FieldValue;
import io.opencases.memory.MemoryBatchReceipts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.opencases.memory.service.MemoryServices.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch with a client token that dies part-way (a server crash, as an unexpected failure of one case) is finished
 * by its retry: the cases already done are replayed from the receipt, never applied twice.
 */
class BatchResumeTest {
    private final MemoryServices app = new MemoryServices();
    private final String domainId = app.newDomain(ALICE, "d");
    private final String templateId = app.templateService.createTemplate(new CreateTemplate(ALICE, domainId, "t",
            null, null, null, null, null, null)).templateId();

    private String newCase(String title) {
        return app.caseService.createCase(new CreateCase(ALICE, domainId, templateId,
                List.of(new FieldWrite("title", new FieldValue.StringValue(title))), null, null, null)).caseId();
    }

    private int historyLength(String caseId) {
        return app.auditLog.events(domainId, caseId, 0, 100).size();
    }

    @Test
    void aRetryFinishesTheCasesACrashLeftAndReplaysTheOthers() {
        List<String> ids = List.of(newCase("a"), newCase("b"), newCase("c"));
        var crashOnce = new AtomicBoolean(true);
        var batches = new BatchCaseService(app.domains, app.fields, app.cases, new MemoryBatchReceipts(), command -> {
            if (command.caseId().equals(ids.get(1)) && crashOnce.getAndSet(false)) {
                throw new IllegalStateException("the server died here");
            }
            app.caseService.updateCase(command);
        }, app.relatedItemService::createRelatedItem, app.context);
        List<CaseRef> refs = ids.stream().<CaseRef>map(ByCaseId::new).toList();
        var request = new BatchUpdateCase(ALICE, domainId, refs, List.of(), null, "renamed", null, null, "tok");

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
