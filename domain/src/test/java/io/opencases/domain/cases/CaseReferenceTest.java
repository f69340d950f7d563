package io.opencases.domain.cases;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reference IDs map case IDs one to one, in upper-case base32, and read back whatever their letter case. */
class CaseReferenceTest {

    @Test
    void aUuidCaseIdHasATwentySixDigitReferenceThatMapsBack() {
        String caseId = "0f8fad5b-d9cb-469f-a165-70867728950e";
        String reference = CaseReference.of(caseId).orElseThrow();

        assertThat(reference).isEqualTo("0FHYPNQPEB8TFT2SBGGSVJH58E"); // the example in docs/compatibility.md
        assertThat(CaseReference.caseIdOf(reference)).contains(caseId);
        assertThat(CaseReference.caseIdOf(reference.toLowerCase(Locale.ROOT))).contains(caseId);
    }

    @Test
    void distinctCaseIdsNeverShareAReferenceWhateverTheLetterCase() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            String caseId = UUID.randomUUID().toString();
            String reference = CaseReference.of(caseId).orElseThrow();
            assertThat(seen.add(reference.toUpperCase(Locale.ROOT))).isTrue();
            assertThat(CaseReference.caseIdOf(reference)).contains(caseId);
        }
        assertThat(CaseReference.of("00000000-0000-0000-0000-000000000000")).contains("0".repeat(26));
        assertThat(CaseReference.of("ffffffff-ffff-ffff-ffff-ffffffffffff")).contains("7" + "Z".repeat(25));
    }

    @Test
    void otherShortCaseIdsAreEncodedWithAMarker() {
        String reference = CaseReference.of("id-000001").orElseThrow();

        assertThat(reference).startsWith("Z").matches("[0-9A-Z]+").hasSizeLessThanOrEqualTo(50);
        assertThat(CaseReference.caseIdOf(reference)).contains("id-000001");
        assertThat(CaseReference.caseIdOf(reference.toLowerCase(Locale.ROOT))).contains("id-000001");
        assertThat(CaseReference.of("x".repeat(31))).isEmpty();
        assertThat(CaseReference.of("X".repeat(30)).orElseThrow()).hasSizeLessThanOrEqualTo(50);
        // Upper-case UUID text is not the server's form: it is encoded byte for byte, so it cannot collide.
        assertThat(CaseReference.of("0F8FAD5B-D9CB-469F-A165-70867728950E")).isEmpty();
    }

    @Test
    void textThatIsNoReferenceMapsToNoCase() {
        assertThat(CaseReference.caseIdOf("")).isEmpty();
        assertThat(CaseReference.caseIdOf("Z")).isEmpty();
        assertThat(CaseReference.caseIdOf("not-a-reference")).isEmpty();
        assertThat(CaseReference.caseIdOf("8" + "0".repeat(25))).isEmpty();
        assertThat(CaseReference.caseIdOf("ILOU" + "0".repeat(22))).isEmpty();
    }
}
