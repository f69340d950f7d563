package io.opencases.application;

import io.opencases.application.port.IdGenerator;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids as version-7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. They look like the random
 * UUIDs ids were before (and like AWS's), but ids made close in time sort close together, so new cases, audit
 * events and outbox rows land on the right-hand pages of their B-tree indexes instead of on a random page each:
 * fewer pages dirtied and written to the WAL per insert.
 */
public final class TimeOrderedIds implements IdGenerator {
    @Override
    public String newId() {
        var random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
