package io.opencases.application.port.contract;

import io.opencases.application.port.CaseRepository;
import io.opencases.domain.cases.Case;
import io.opencases.domain.field.FieldValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every CaseRepository adapter must do; each test works in fresh domains of its own. */
public interface CaseRepositoryContract {

    CaseRepository caseRepository();

    /** A domain id to store cases under; an adapter whose store needs the domain row first overrides it. */
    default String newDomainId() {
        return UUID.randomUUID().toString();
    }

    private static Case newCase(String domainId) {
        return new Case(domainId, UUID.randomUUID().toString(), "template-1", Map.of(
                "title", new FieldValue.StringValue("Broken"),
                "amount", new FieldValue.DoubleValue(12.25),
                "urgent", new FieldValue.BooleanValue(false),
                "last_updated_user", new FieldValue.UserArnValue("arn:aws:connect:::agent/a")),
                Instant.parse("2026-01-02T03:04:05.678Z"));
    }

    @Test
    default void savedCaseIsFoundWithEveryValueKind() {
        String domainId = newDomainId();
        Case aCase = newCase(domainId);

        caseRepository().save(aCase);

        assertThat(caseRepository().find(domainId, aCase.caseId())).contains(aCase);
        assertThat(caseRepository().find(newDomainId(), aCase.caseId())).isEmpty();
    }

    @Test
    default void saveReplacesTheCase() {
        String domainId = newDomainId();
        Case aCase = newCase(domainId);
        caseRepository().save(aCase);
        Case updated = aCase.withValues(Map.of("title", new FieldValue.StringValue("Fixed")));

        caseRepository().save(updated);

        assertThat(caseRepository().find(domainId, aCase.caseId())).contains(updated);
    }

    @Test
    default void deleteRemovesTheCaseAndItsClientToken() {
        String domainId = newDomainId();
        Case aCase = newCase(domainId);
        Case other = newCase(domainId);
        caseRepository().save(aCase);
        caseRepository().save(other);
        caseRepository().saveClientToken(new CaseRepository.ClientToken(domainId, "t1", "fp", aCase.caseId(),
                aCase.createdTime()));

        caseRepository().delete(domainId, aCase.caseId());

        assertThat(caseRepository().find(domainId, aCase.caseId())).isEmpty();
        assertThat(caseRepository().findClientToken(domainId, "t1")).isEmpty();
        assertThat(caseRepository().find(domainId, other.caseId())).contains(other);
    }

    @Test
    default void clientTokensAreKeptPerDomain() {
        String domainId = newDomainId();
        var token = new CaseRepository.ClientToken(domainId, "retry-1", "fingerprint", "case-1",
                Instant.parse("2026-01-02T03:04:05.678Z"));

        caseRepository().saveClientToken(token);

        assertThat(caseRepository().findClientToken(domainId, "retry-1")).contains(token);
        assertThat(caseRepository().findClientToken(domainId, "retry-2")).isEmpty();
        assertThat(caseRepository().findClientToken(newDomainId(), "retry-1")).isEmpty();
    }

    @Test
    default void deleteAllInDomainLeavesOtherDomainsAlone() {
        String domainId = newDomainId();
        String otherDomainId = newDomainId();
        Case aCase = newCase(domainId);
        Case kept = newCase(otherDomainId);
        caseRepository().save(aCase);
        caseRepository().save(kept);
        caseRepository().saveClientToken(new CaseRepository.ClientToken(domainId, "t", "fp", aCase.caseId(),
                aCase.createdTime()));

        caseRepository().deleteAllInDomain(domainId);

        assertThat(caseRepository().find(domainId, aCase.caseId())).isEmpty();
        assertThat(caseRepository().findClientToken(domainId, "t")).isEmpty();
        assertThat(caseRepository().find(otherDomainId, kept.caseId())).contains(kept);
    }

    @Test
    default void listAfterWalksEveryCaseInDomainAndCaseIdOrder() {
        String domainId = newDomainId();
        var saved = new java.util.ArrayList<Case>();
        for (int i = 0; i < 5; i++) {
            Case aCase = newCase(domainId);
            caseRepository().save(aCase);
            saved.add(aCase);
        }
        saved.sort(java.util.Comparator.comparing(Case::caseId));

        var walked = new java.util.ArrayList<Case>();
        String afterCaseId = "";
        while (true) {
            var page = caseRepository().listAfter(domainId, afterCaseId, 2).stream()
                    .filter(c -> c.domainId().equals(domainId)).toList();
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            afterCaseId = page.get(page.size() - 1).caseId();
        }

        assertThat(walked).containsExactlyElementsOf(saved);
        var fromStart = caseRepository().listAfter(null, null, Integer.MAX_VALUE);
        assertThat(fromStart).containsAll(saved);
        assertThat(fromStart).isSortedAccordingTo(java.util.Comparator.comparing(Case::domainId)
                .thenComparing(Case::caseId));
    }
}
