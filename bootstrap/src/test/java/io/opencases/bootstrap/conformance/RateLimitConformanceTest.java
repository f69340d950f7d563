package io.opencases.bootstrap.conformance;

import io.opencases.bootstrap.ServerConfig;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.ThrottlingException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --rate-limits aws}: a burst beyond AWS's quota is answered 429 ThrottlingException, which the SDK maps to
 * its ThrottlingException, per account. (The bucket arithmetic is tested on a stepped clock in TokenBucketsTest;
 * here 20 back-to-back ListDomains calls exceed its burst of 5 unless each took over a third of a second.)
 */
class RateLimitConformanceTest {

    @Test
    void aBurstBeyondTheQuotaIsThrottledPerAccount() {
        try (TestServer server = TestServer.start(ServerConfig.Operability.DEFAULT
                .withRateLimits(ServerConfig.RateLimits.AWS));
             var a = server.client(TestServer.ACCOUNT_A);
             var b = server.client(TestServer.ACCOUNT_B)) {
            int admitted = 0;
            ThrottlingException throttled = null;
            for (int i = 0; i < 20; i++) {
                try {
                    a.listDomains(r -> r.maxResults(1));
                    admitted++;
                } catch (ThrottlingException e) {
                    throttled = e;
                }
            }
            assertThat(admitted).isGreaterThanOrEqualTo(5);
            assertThat(throttled).isNotNull();
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(throttled.getMessage()).contains("ListDomains");
            // Another account has its own bucket.
            assertThat(b.listDomains(r -> r.maxResults(1)).domains()).isNotNull();
        }
    }

    @Test
    void offByDefault() {
        try (TestServer server = TestServer.start(ServerConfig.Operability.DEFAULT);
             var a = server.client(TestServer.ACCOUNT_A)) {
            int answered = 0;
            for (int i = 0; i < 20; i++) {
                assertThat(a.listDomains(r -> r.maxResults(1)).sdkHttpResponse().statusCode()).isEqualTo(200);
                answered++;
            }
            assertThat(answered).isEqualTo(20);
        }
    }
}
