package io.opencases.rest.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Request-rate quotas as token buckets, one per account and operation: a bucket holds up to {@code burst} tokens,
 * refills at {@code rate} per second, and each request takes one; a request finding it empty is throttled.
 * Operations without a quota are never throttled. The time source is injected so tests step it.
 */
public final class TokenBuckets implements RequestThrottle {
    /** A steady rate (requests per second) and the burst a full bucket allows. */
    public record Quota(double rate, int burst) {
    }

    private final Map<String, Quota> quotas;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(Map<String, Quota> quotas, LongSupplier nanoTime) {
        this.quotas = Map.copyOf(quotas);
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean admit(String accountId, String operation) {
        Quota quota = quotas.get(operation);
        if (quota == null) {
            return true;
        }
        return buckets.computeIfAbsent(accountId + '/' + operation, key -> new Bucket(quota, nanoTime.getAsLong()))
                .take(nanoTime.getAsLong());
    }

    private static final class Bucket {
        private final Quota quota;
        private double tokens;
        private long refilledAt;

        Bucket(Quota quota, long now) {
            this.quota = quota;
            this.tokens = quota.burst();
            this.refilledAt = now;
        }

        synchronized boolean take(long now) {
            if (now > refilledAt) {
                tokens = Math.min(quota.burst(), tokens + (now - refilledAt) / 1e9 * quota.rate());
                refilledAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
