package io.opencases.domain.cases;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The 8-digit reference number: derived from the case id, so it must never change for a stored case. */
class CaseReferenceNumberTest {
    @Test
    void isTheIdsHashAsEightDigitsZeroPadded() {
        for (int i = 0; i < 1_000; i++) {
            String caseId = UUID.randomUUID().toString();
            long hash = Math.floorMod(caseId.hashCode() * 31L + caseId.length(), 100_000_000L);
            assertThat(CaseChange.referenceNumber(caseId)).isEqualTo(String.format("%08d", hash)).hasSize(8);
        }
        // Pinned values: what stored cases already show.
        assertThat(CaseChange.referenceNumber("")).isEqualTo("00000000");
        assertThat(CaseChange.referenceNumber("a")).isEqualTo(String.format("%08d", 97L * 31 + 1));
    }
}
