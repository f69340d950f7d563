package io.opencases.rest.ops;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Token buckets on a stepped clock: burst, steady refill, per account and per operation, unlisted operations. */
class TokenBucketsTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final TokenBuckets buckets = new TokenBuckets(Map.of("GetCase", new TokenBuckets.Quota(4, 10),
            "UpdateCase", new TokenBuckets.Quota(2, 2)), now::get);

    private int admitted(String account, String operation, int requests) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            if (buckets.admit(account, operation)) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void aFullBucketAdmitsTheBurstThenThrottles() {
        assertThat(admitted("111111111111", "GetCase", 15)).isEqualTo(10);
        assertThat(admitted("111111111111", "UpdateCase", 5)).isEqualTo(2);
    }

    @Test
    void itRefillsAtTheRateUpToTheBurst() {
        admitted("111111111111", "GetCase", 10);
        now.addAndGet(SECOND / 2);
        assertThat(admitted("111111111111", "GetCase", 10)).isEqualTo(2);
        now.addAndGet(SECOND / 4);
        assertThat(admitted("111111111111", "GetCase", 10)).isEqualTo(1);
        now.addAndGet(60 * SECOND);
        assertThat(admitted("111111111111", "GetCase", 20)).isEqualTo(10);
    }

    @Test
    void eachAccountAndOperationHasItsOwnBucket() {
        assertThat(admitted("111111111111", "UpdateCase", 5)).isEqualTo(2);
        assertThat(admitted("222222222222", "UpdateCase", 5)).isEqualTo(2);
        assertThat(admitted("111111111111", "GetCase", 5)).isEqualTo(5);
    }

    @Test
    void operationsWithoutAQuotaAreNeverThrottled() {
        assertThat(admitted("111111111111", "DeleteCase", 1_000)).isEqualTo(1_000);
    }

    @Test
    void awsQuotasMatchTheDocumentedTable() {
        var quotas = AwsRequestQuotas.quotas();
        assertThat(quotas.get("GetCase")).isEqualTo(new TokenBuckets.Quota(4, 10));
        assertThat(quotas.get("CreateCase")).isEqualTo(new TokenBuckets.Quota(2, 10));
        assertThat(quotas.get("UpdateCase")).isEqualTo(new TokenBuckets.Quota(2, 2));
        assertThat(quotas.get("ListDomains")).isEqualTo(new TokenBuckets.Quota(2, 5));
        assertThat(quotas.get("BatchGetField")).isEqualTo(new TokenBuckets.Quota(8, 25));
        assertThat(quotas.get("ListFieldOptions")).isEqualTo(new TokenBuckets.Quota(6, 16));
        assertThat(quotas.get("GetLayout")).isEqualTo(new TokenBuckets.Quota(6, 20));
        assertThat(quotas).doesNotContainKey("DeleteCase");
    }
}
