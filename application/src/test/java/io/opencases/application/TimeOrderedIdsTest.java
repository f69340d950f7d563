package io.opencases.application;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {
    private final TimeOrderedIds ids = new TimeOrderedIds();

    @Test
    void idsAreVersion7UuidsThatCarryTheirMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(ids.newId());
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void idsAreUnique() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(ids.newId())).isTrue();
        }
    }
}
