package io.opencases.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opencases.domain.cases.Case;
import io.opencases.domain.field.FieldValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins the stored case format with a golden document: what this release reads and writes, and what the first
 * release (Jackson's reflection of the records, {@link Documents}) wrote into data directories that exist.
 */
class CaseCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Case GOLDEN = new Case("0e6b5f46-7e0c-4a8f-9d3c-1b2a3c4d5e6f",
            "01890a5d-ac96-7b5c-8d3e-4f5a6b7c8d9e", "b1f3c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", Map.of(
            "title", new FieldValue.StringValue("Printer on fire \u00e9 \ud83d\udd25"),
            "status", new FieldValue.StringValue("open"),
            "amount", new FieldValue.DoubleValue(12.25),
            "negative_zero", new FieldValue.DoubleValue(-0.0),
            "huge", new FieldValue.DoubleValue(Double.MAX_VALUE),
            "not_a_number", new FieldValue.DoubleValue(Double.NaN),
            "infinite", new FieldValue.DoubleValue(Double.NEGATIVE_INFINITY),
            "urgent", new FieldValue.BooleanValue(true),
            "escalated", new FieldValue.BooleanValue(false),
            "last_updated_user", new FieldValue.UserArnValue(
                    "arn:aws:connect:us-east-1:111111111111:instance/i/agent/a")),
            Instant.parse("2026-01-02T03:04:05.678901234Z"));

    private static String golden() throws IOException {
        try (InputStream in = CaseCodecTest.class.getResourceAsStream("/golden/case-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheGoldenDocument() throws IOException {
        assertThat(CaseCodec.read(golden())).isEqualTo(GOLDEN);
    }

    @Test
    void writesTheGoldenDocument() throws IOException {
        assertThat(JSON.readTree(CaseCodec.write(GOLDEN))).isEqualTo(JSON.readTree(golden()));
    }

    @Test
    void theFirstReleasesFormatIsTheSame() throws IOException {
        assertThat(JSON.readTree(Documents.write(GOLDEN))).isEqualTo(JSON.readTree(golden()));
        assertThat(Documents.read(CaseCodec.write(GOLDEN), Case.class)).isEqualTo(GOLDEN);
    }

    @Test
    void unknownMembersAreSkippedAndUnknownValueTypesRefused() {
        String newer = "{\"future\":{\"a\":[1,2]},\"domainId\":\"d\",\"caseId\":\"c\",\"templateId\":\"t\","
                + "\"values\":{\"x\":{\"@type\":\"String\",\"value\":\"v\",\"extra\":1}},"
                + "\"createdTime\":\"2026-01-02T03:04:05Z\"}";
        assertThat(CaseCodec.read(newer)).isEqualTo(new Case("d", "c", "t",
                Map.of("x", new FieldValue.StringValue("v")), Instant.parse("2026-01-02T03:04:05Z")));
        assertThatThrownBy(() -> CaseCodec.read(newer.replace("\"String\"", "\"Decimal\"")))
                .hasMessageContaining("stored case");
    }

    /** The hand-read instant agrees with Instant.parse on what Instant.toString writes, and refuses what it refuses. */
    @Test
    void instantsAreReadAsInstantParseReadsThem() {
        var random = new java.util.Random(7);
        for (int i = 0; i < 5_000; i++) {
            long nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000L;
                case 2 -> random.nextInt(1_000_000) * 1_000L;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), nanos);
            assertThat(CaseCodec.instant(instant.toString())).isEqualTo(instant);
        }
        assertThat(CaseCodec.instant("2026-01-02T03:04:05.6Z")).isEqualTo(Instant.parse("2026-01-02T03:04:05.6Z"));
        assertThat(CaseCodec.instant("2026-01-02T03:04:05.Z")).isEqualTo(Instant.parse("2026-01-02T03:04:05.Z"));
        assertThat(CaseCodec.instant("+12026-01-02T03:04:05Z")).isEqualTo(Instant.parse("+12026-01-02T03:04:05Z"));
        for (String bad : java.util.List.of("2026-13-02T03:04:05Z", "2026-02-30T03:04:05Z", "2026-01-02T24:04:05Z",
                "2026-01-02T03:04:05.1234567890Z", "2026-01-O2T03:04:05Z", "")) {
            assertThatThrownBy(() -> CaseCodec.instant(bad)).as(bad).isInstanceOf(java.time.DateTimeException.class);
        }
    }
}
