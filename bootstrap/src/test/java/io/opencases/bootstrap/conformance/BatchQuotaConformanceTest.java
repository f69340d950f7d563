package io.opencases.bootstrap.conformance;

import io.opencases.application.Quotas;
import io.opencases.bootstrap.conformance.NewestOperations.Answer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.RelatedItemType;

import static io.opencases.bootstrap.conformance.NewestOperations.byId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a server allowing two related items per case: BatchCreateRelatedItem reports a full case as
 * SERVICE_QUOTA_EXCEEDED and comments on the others; StartMergeCases refuses a merge that would overfill the
 * primary case with 402.
 */
class BatchQuotaConformanceTest {
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";
    private static final Quotas TWO_ITEMS = new Quotas(100, 500, 500, 100, 100, 100, 100, 2, 50, 10, 5);

    @Test
    void aFullCaseFailsAloneAndAMergeThatWouldOverfillIsRefused() {
        try (var server = TestServer.start(TWO_ITEMS); var cases = server.client()) {
            var newest = new NewestOperations(server.endpoint(), TestServer.ACCOUNT_A);
            String domainId = cases.createDomain(b -> b.name("quota")).domainId();
            String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();
            String full = newCase(cases, domainId, templateId, "full");
            String roomy = newCase(cases, domainId, templateId, "roomy");
            for (int i = 0; i < 2; i++) {
                cases.createRelatedItem(b -> b.domainId(domainId).caseId(full).type(RelatedItemType.COMMENT)
                        .content(c -> c.comment(x -> x.body("x").contentType("Text/Plain"))));
            }

            Answer answer = newest.batchCreateRelatedItem("{\"domainId\":\"" + domainId + "\",\"cases\":["
                    + byId(full) + "," + byId(roomy) + "],\"content\":{\"comment\":{\"body\":\"all\","
                    + "\"contentType\":\"Text/Plain\"}}}");

            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            assertThat(answer.body().at("/failedItems/0/caseIdentifier/caseId").asText()).isEqualTo(full);
            assertThat(answer.body().at("/failedItems/0/errorCode").asText()).isEqualTo("SERVICE_QUOTA_EXCEEDED");
            assertThat(answer.body().at("/successfulItems/0/caseIdentifier/caseId").asText()).isEqualTo(roomy);

            Answer merge = newest.startMergeCases(domainId, roomy, "{\"secondaryCaseId\":\"" + full
                    + "\",\"relatedItemsConfiguration\":{\"comment\":true}}");
            assertThat(merge.status()).as(merge.body().toString()).isEqualTo(402);
            assertThat(merge.errorType()).isEqualTo("ServiceQuotaExceededException");
            assertThat(newest.getMergeCasesStatus(domainId, full).status()).isEqualTo(404);
        }
    }

    private static String newCase(software.amazon.awssdk.services.connectcases.ConnectCasesClient cases,
                                  String domainId, String templateId, String title) {
        return cases.createCase(b -> b.domainId(domainId).templateId(templateId).fields(
                CaseConformanceTest.text("title", title), CaseConformanceTest.text("customer_id", CUSTOMER))).caseId();
    }
}
