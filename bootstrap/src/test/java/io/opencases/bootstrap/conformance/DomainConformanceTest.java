package io.opencases.bootstrap.conformance;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.ConflictException;
import software.amazon.awssdk.services.connectcases.model.DomainStatus;
import software.amazon.awssdk.services.connectcases.model.DomainSummary;
import software.amazon.awssdk.services.connectcases.model.FieldNamespace;
import software.amazon.awssdk.services.connectcases.model.FieldSummary;
import software.amazon.awssdk.services.connectcases.model.ListDomainsResponse;
import software.amazon.awssdk.services.connectcases.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connectcases.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.connectcases.model.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CreateDomain, GetDomain, ListDomains, DeleteDomain and the case event configuration, through the AWS SDK. */
class DomainConformanceTest extends ConformanceSuite {

    @Test
    void createThenGetDomain() {
        String name = "support-" + UUID.randomUUID();
        var created = cases.createDomain(b -> b.name(name));

        assertThat(created.domainStatus()).isEqualTo(DomainStatus.ACTIVE);
        assertThat(created.domainArn())
                .isEqualTo("arn:aws:cases:us-east-1:111111111111:domain/" + created.domainId());
        var got = cases.getDomain(b -> b.domainId(created.domainId()));
        assertThat(got.name()).isEqualTo(name);
        assertThat(got.domainArn()).isEqualTo(created.domainArn());
        assertThat(got.domainStatus()).isEqualTo(DomainStatus.ACTIVE);
        assertThat(got.createdTime()).isNotNull();
        assertThat(got.tags()).isEmpty();
        cases.deleteDomain(b -> b.domainId(created.domainId()));
    }

    @Test
    void newDomainHasTheSystemFieldsAndStatusOptions() {
        String domainId = newDomain();
        List<FieldSummary> fields = cases.listFields(b -> b.domainId(domainId)).fields();

        assertThat(fields).extracting(FieldSummary::fieldId).contains("case_id", "title", "customer_id", "status",
                "summary", "reference_number", "created_datetime", "last_updated_datetime", "last_updated_user");
        assertThat(fields).allMatch(f -> f.namespace() == FieldNamespace.SYSTEM);
        var options = cases.listFieldOptions(b -> b.domainId(domainId).fieldId("status")).options();
        assertThat(options).extracting(o -> o.value() + ":" + o.active()).containsExactly("open:true", "closed:true");
        cases.deleteDomain(b -> b.domainId(domainId));
    }

    @Test
    void duplicateDomainNameIsAConflict() {
        String name = "dup-" + UUID.randomUUID();
        String domainId = cases.createDomain(b -> b.name(name)).domainId();

        assertThatThrownBy(() -> cases.createDomain(b -> b.name(name)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).statusCode()).isEqualTo(409));
        cases.deleteDomain(b -> b.domainId(domainId));
    }

    @Test
    void invalidDomainNameIsRejectedNamingTheMember() {
        assertThatThrownBy(() -> cases.createDomain(b -> b.name("x".repeat(101))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> cases.createDomain(b -> b.name("trailing ")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("name");
    }

    @Test
    void unknownDomainIsNotFoundWithResourceMembers() {
        assertThatThrownBy(() -> cases.getDomain(b -> b.domainId("no-such-domain")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.resourceId()).isEqualTo("no-such-domain");
                    assertThat(e.resourceType()).isEqualTo("Domain");
                });
    }

    @Test
    void listDomainsPagesThroughEveryDomainExactlyOnce() {
        try (var own = TestServer.start(); var client = own.client()) {
            var created = new ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                String name = "page-" + i;
                created.add(client.createDomain(b -> b.name(name)).domainId());
            }
            var seen = new ArrayList<String>();
            String token = null;
            int pages = 0;
            do {
                String next = token;
                ListDomainsResponse page = client.listDomains(b -> b.maxResults(2).nextToken(next));
                assertThat(page.domains()).hasSizeLessThanOrEqualTo(2);
                page.domains().stream().map(DomainSummary::domainId).forEach(seen::add);
                token = page.nextToken();
                pages++;
            } while (token != null);

            assertThat(pages).isEqualTo(3);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
        }
    }

    @Test
    void badNextTokenAndMaxResultsAreValidationErrors() {
        assertThatThrownBy(() -> cases.listDomains(b -> b.nextToken("garbage")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> cases.listDomains(b -> b.maxResults(11)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("maxResults");
    }

    @Test
    void domainQuotaIsEnforcedPerAccount() {
        try (var own = TestServer.start(new io.opencases.application.Quotas(2, 500, 500, 100, 100, 100, 100));
             var a = own.client(); var b = own.client(TestServer.ACCOUNT_B)) {
            a.createDomain(r -> r.name("one"));
            a.createDomain(r -> r.name("two"));

            assertThatThrownBy(() -> a.createDomain(r -> r.name("three")))
                    .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(402));
            assertThat(b.createDomain(r -> r.name("one")).domainId()).isNotBlank();
        }
    }

    @Test
    void anotherAccountCanNeitherSeeNorDeleteADomain() {
        String domainId = newDomain();
        try (var other = server.client(TestServer.ACCOUNT_B)) {
            assertThatThrownBy(() -> other.getDomain(b -> b.domainId(domainId)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> other.deleteDomain(b -> b.domainId(domainId)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> other.listFields(b -> b.domainId(domainId)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(other.listDomains(b -> { }).domains()).extracting(DomainSummary::domainId)
                    .doesNotContain(domainId);
        }
        assertThat(cases.getDomain(b -> b.domainId(domainId)).domainId()).isEqualTo(domainId);
    }

    @Test
    void deleteDomainRemovesItAndEverythingInIt() {
        String domainId = newDomain();
        String fieldId = cases.createField(b -> b.domainId(domainId).name("f").type("Text")).fieldId();
        cases.tagResource(b -> b.arn("arn:aws:cases:us-east-1:111111111111:domain/" + domainId)
                .tags(java.util.Map.of("team", "blue")));

        cases.deleteDomain(b -> b.domainId(domainId));

        assertThatThrownBy(() -> cases.getDomain(b -> b.domainId(domainId)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cases.batchGetField(b -> b.domainId(domainId).fields(f -> f.id(fieldId))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cases.deleteDomain(b -> b.domainId(domainId)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void caseEventConfigurationRoundTripsAndDropsDeletedFields() {
        String domainId = newDomain();
        String fieldId = cases.createField(b -> b.domainId(domainId).name("priority").type("Text")).fieldId();

        var initial = cases.getCaseEventConfiguration(b -> b.domainId(domainId)).eventBridge();
        assertThat(initial.enabled()).isFalse();

        cases.putCaseEventConfiguration(b -> b.domainId(domainId).eventBridge(e -> e.enabled(true)
                .includedData(d -> d.caseData(c -> c.fields(f -> f.id("status"), f -> f.id(fieldId)))
                        .relatedItemData(r -> r.includeContent(true)))));
        var stored = cases.getCaseEventConfiguration(b -> b.domainId(domainId)).eventBridge();
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.includedData().caseData().fields()).extracting(f -> f.id())
                .containsExactly("status", fieldId);
        assertThat(stored.includedData().relatedItemData().includeContent()).isTrue();

        cases.deleteField(b -> b.domainId(domainId).fieldId(fieldId));
        var afterDelete = cases.getCaseEventConfiguration(b -> b.domainId(domainId)).eventBridge();
        assertThat(afterDelete.includedData().caseData().fields()).extracting(f -> f.id()).containsExactly("status");

        assertThatThrownBy(() -> cases.putCaseEventConfiguration(b -> b.domainId(domainId).eventBridge(e ->
                e.enabled(true).includedData(d -> d.caseData(c -> c.fields(f -> f.id("nope")))))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("nope");
    }
}
