package io.opencases.domain.search;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast reading of UTC date-times agrees with OffsetDateTime.parse on every text, valid or not. */
class SortableValueTest {

    @Test
    void readsUtcDateTimesAsTheParserDoes() {
        for (String text : new String[]{"2026-01-01T00:00:00Z", "2026-11-26T17:05:09.123Z",
                "2026-11-26T17:05:09.123456789Z", "2026-11-26T17:05:09.1Z", "0000-01-01T00:00:00Z",
                "2024-02-29T23:59:59Z", "2026-11-26T17:05:09+02:00", "2026-11-26T17:05:09.5-05:30"}) {
            assertThat(SortableValue.instant(text)).as(text).isNotNull().isEqualTo(SortableValue.parsed(text));
        }
        assertThat(SortableValue.instant("2026-01-01T00:00:00Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void rejectsWhatTheParserRejects() {
        for (String text : new String[]{"2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
                "2026-04-31T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z",
                "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z", "2026-01-01 00:00:00Z",
                "2026-01-01T00:00:0xZ", "2026-1-01T00:00:00ZZ", "+026-01-01T00:00:00Z", "2026-01-01T00:00:00z"}) {
            assertThat(SortableValue.instant(text)).as(text).isEqualTo(SortableValue.parsed(text));
        }
    }

    @Test
    void agreesWithTheParserOnMutatedDateTimes() {
        var random = new Random(11);
        String chars = "0123456789-T:.Z+ z";
        for (int run = 0; run < 50_000; run++) {
            var text = new StringBuilder(Instant.ofEpochSecond(random.nextLong() % 100_000_000_000L,
                    random.nextInt(1_000_000_000)).toString());
            int edits = random.nextInt(3);
            for (int e = 0; e < edits && text.length() > 0; e++) {
                text.setCharAt(random.nextInt(text.length()), chars.charAt(random.nextInt(chars.length())));
            }
            String s = text.toString();
            assertThat(SortableValue.instant(s)).as(s).isEqualTo(s.length() < 20 || s.charAt(4) != '-' ? null
                    : SortableValue.parsed(s));
        }
    }
}
