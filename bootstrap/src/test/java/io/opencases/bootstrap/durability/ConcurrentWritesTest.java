package io.opencases.bootstrap.durability;

import io.opencases.bootstrap.TestDatabases;
import io.opencases.bootstrap.conformance.TestServer;
import io.opencases.bootstrap.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.ConnectCasesClient;
import software.amazon.awssdk.services.connectcases.model.AuditEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writers on PostgreSQL through the real server: UpdateCase calls racing on one case lose no update and
 * no audit event, and CreateCase calls racing with one client token create one case.
 */
class ConcurrentWritesTest {
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";
    private static TestServer server;
    private static ConnectCasesClient cases;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabases.onPostgres(TestServer.config(TestServer.QUOTAS, true,
                ServerConfig.Events.DEFAULT)));
        cases = server.client();
    }

    @AfterAll
    static void stop() {
        cases.close();
        server.close();
    }

    private static <T> List<T> race(int threads, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentUpdatesOfOneCaseLoseNoUpdateAndNoAuditEvent() throws Exception {
        String domainId = cases.createDomain(b -> b.name("concurrent-updates")).domainId();
        String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();
        int writers = 8;
        int updatesEach = 10;
        var fieldIds = new ArrayList<String>();
        for (int w = 0; w < writers; w++) {
            int n = w;
            fieldIds.add(cases.createField(b -> b.domainId(domainId).name("f" + n).type("Text")).fieldId());
        }
        String caseId = cases.createCase(b -> b.domainId(domainId).templateId(templateId)
                .fields(f -> f.id("title").value(v -> v.stringValue("contended")),
                        f -> f.id("customer_id").value(v -> v.stringValue(CUSTOMER)))).caseId();
        var next = new java.util.concurrent.atomic.AtomicInteger();

        race(writers, () -> {
            String fieldId = fieldIds.get(next.getAndIncrement());
            for (int i = 0; i < updatesEach; i++) {
                String value = fieldId + "-" + i;
                cases.updateCase(b -> b.domainId(domainId).caseId(caseId)
                        .fields(f -> f.id(fieldId).value(v -> v.stringValue(value))));
            }
            return null;
        });

        Map<String, String> values = cases.getCase(b -> b.domainId(domainId).caseId(caseId)
                        .fields(fieldIds.stream().map(id -> software.amazon.awssdk.services.connectcases.model
                                .FieldIdentifier.builder().id(id).build()).toList()))
                .fields().stream().collect(Collectors.toMap(f -> f.id(), f -> f.value().stringValue()));
        for (String fieldId : fieldIds) {
            assertThat(values).containsEntry(fieldId, fieldId + "-" + (updatesEach - 1));
        }
        var audit = new ArrayList<AuditEvent>();
        String token = null;
        do {
            String page = token;
            var response = cases.getCaseAuditEvents(b -> b.domainId(domainId).caseId(caseId).nextToken(page));
            audit.addAll(response.auditEvents());
            token = response.nextToken();
        } while (token != null);
        assertThat(audit.stream().filter(e -> e.typeAsString().equals("Case.Updated"))).hasSize(writers * updatesEach);
        assertThat(audit.stream().filter(e -> e.typeAsString().equals("Case.Created"))).hasSize(1);
    }

    @Test
    void concurrentCreateCaseWithOneClientTokenCreatesOneCase() throws Exception {
        String domainId = cases.createDomain(b -> b.name("concurrent-creates")).domainId();
        String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();

        List<String> caseIds = race(8, () -> cases.createCase(b -> b.domainId(domainId).templateId(templateId)
                .clientToken("one-token").fields(f -> f.id("title").value(v -> v.stringValue("once")),
                        f -> f.id("customer_id").value(v -> v.stringValue(CUSTOMER)))).caseId());

        assertThat(new HashSet<>(caseIds)).hasSize(1);
        var found = cases.searchCases(b -> b.domainId(domainId));
        assertThat(found.cases()).extracting(c -> c.caseId()).containsExactly(caseIds.get(0));
    }
}
