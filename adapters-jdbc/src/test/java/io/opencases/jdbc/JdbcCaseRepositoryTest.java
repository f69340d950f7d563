package io.opencases.jdbc;

import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRepository.ClientToken;
import io.opencases.application.port.contract.CaseRepositoryContract;
import io.opencases.domain.cases.Case;
import io.opencases.domain.field.FieldValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PostgreSQL CaseRepository against the shared CaseRepositoryContract, and its claims on client tokens. */
class JdbcCaseRepositoryTest implements CaseRepositoryContract {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678901Z");

    @Override
    public CaseRepository caseRepository() {
        return TestDatabase.storage().cases();
    }

    /** CreateCase's steps with a client token, as the use case takes them. */
    private static String createWithToken(String domainId, String token) {
        var cases = TestDatabase.storage().cases();
        return TestDatabase.storage().unitOfWork().write(() -> {
            var previous = cases.findClientToken(domainId, token);
            if (previous.isPresent()) {
                return previous.get().caseId();
            }
            String caseId = UUID.randomUUID().toString();
            cases.save(new Case(domainId, caseId, "template-1", Map.of("title", new FieldValue.StringValue("t")),
                    NOW));
            cases.saveClientToken(new ClientToken(domainId, token, "fingerprint", caseId, NOW));
            return caseId;
        });
    }

    @Test
    void concurrentCreatesWithOneClientTokenMakeOneCase() throws Exception {
        String domainId = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return createWithToken(domainId, "retry-me");
                }));
            }
            start.countDown();
            var caseIds = new ArrayList<String>();
            for (Future<String> result : results) {
                caseIds.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(caseIds).containsOnly(caseIds.get(0));
            assertThat(caseRepository().listAfter(domainId, "", 100)).filteredOn(c -> c.domainId().equals(domainId))
                    .extracting(Case::caseId).containsExactly(caseIds.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTokenLookedUpInAWriteThatFailsLeavesNothingBehind() {
        String domainId = UUID.randomUUID().toString();
        var cases = caseRepository();

        assertThatThrownBy(() -> TestDatabase.storage().unitOfWork().write(() -> {
            assertThat(cases.findClientToken(domainId, "t")).isEmpty();
            throw new IllegalStateException("validation failed");
        })).isInstanceOf(IllegalStateException.class);
        TestDatabase.storage().unitOfWork().write(() -> assertThat(cases.findClientToken(domainId, "t")).isEmpty());

        assertThat(cases.findClientToken(domainId, "t")).isEmpty();
        String caseId = createWithToken(domainId, "t");
        assertThat(cases.findClientToken(domainId, "t")).map(ClientToken::caseId).contains(caseId);
        assertThat(createWithToken(domainId, "t")).isEqualTo(caseId);
    }
}
