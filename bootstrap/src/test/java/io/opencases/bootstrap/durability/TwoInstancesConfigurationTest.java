package io.opencases.bootstrap.durability;

import io.opencases.bootstrap.TestDatabases;
import io.opencases.bootstrap.conformance.TestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.ConnectCasesClient;
import software.amazon.awssdk.services.connectcases.model.FieldType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL: a configuration change made through one reaches the other's cached domain
 * configuration through the change feed its index follower reads, with no call on the other instance.
 */
class TwoInstancesConfigurationTest {
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";

    @Test
    void aFieldCreatedThroughOneInstanceEvictsTheOthersCachedConfigurationThroughTheFeed() throws Exception {
        var database = TestDatabases.newDatabase();
        try (var a = TestServer.start(SharedDatabase.instance(database));
             var b = TestServer.start(SharedDatabase.instance(database));
             ConnectCasesClient viaA = a.client();
             ConnectCasesClient viaB = b.client()) {
            String domainId = viaA.createDomain(r -> r.name("shared")).domainId();
            String templateId = viaA.createTemplate(r -> r.domainId(domainId).name("t")).templateId();
            // Once B's follower has indexed a case A wrote after the template, it has read the template's
            // configuration row too (it reads the feed in order): nothing older is left to evict B's entry below.
            String marker = newCase(viaA, domainId, templateId, "marker");
            awaitFound(viaB, domainId, "marker", marker);
            newCase(viaB, domainId, templateId, "cached on b");
            var cachedOnB = b.domainConfigurations().cached(domainId);
            assertThat(cachedOnB).as("B's CreateCase cached the configuration").isPresent();

            String fieldId = viaA.createField(r -> r.domainId(domainId).name("Tier").type(FieldType.TEXT))
                    .fieldId();

            // No call reaches B meanwhile: only its feed follower can evict what it cached.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (b.domainConfigurations().cached(domainId).isPresent()) {
                // A generous bound, not a latency claim: the shared build machine can stall for seconds.
                assertThat(System.nanoTime()).as("B's follower evicts the configuration").isLessThan(deadline);
                Thread.sleep(5);
            }

            String caseId = viaB.createCase(r -> r.domainId(domainId).templateId(templateId)
                    .fields(f -> f.id("title").value(v -> v.stringValue("with tier")),
                            f -> f.id("customer_id").value(v -> v.stringValue(CUSTOMER)),
                            f -> f.id(fieldId).value(v -> v.stringValue("gold")))).caseId();

            assertThat(b.domainConfigurations().cached(domainId)).hasValueSatisfying(configuration -> {
                assertThat(configuration.isLiveField(fieldId)).isTrue();
                assertThat(configuration.version()).isGreaterThan(cachedOnB.get().version());
            });
            assertThat(viaA.getCase(r -> r.domainId(domainId).caseId(caseId).fields(f -> f.id(fieldId))).fields())
                    .singleElement().satisfies(field -> assertThat(field.value().stringValue()).isEqualTo("gold"));
        }
    }

    private static String newCase(ConnectCasesClient cases, String domainId, String templateId, String title) {
        return cases.createCase(r -> r.domainId(domainId).templateId(templateId)
                .fields(f -> f.id("title").value(v -> v.stringValue(title)),
                        f -> f.id("customer_id").value(v -> v.stringValue(CUSTOMER)))).caseId();
    }

    private static void awaitFound(ConnectCasesClient reader, String domainId, String title, String caseId)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (reader.searchCases(r -> r.domainId(domainId).searchTerm(title)).cases().stream()
                .noneMatch(c -> c.caseId().equals(caseId))) {
            assertThat(System.nanoTime()).as("case " + caseId + " is found on the other instance")
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
