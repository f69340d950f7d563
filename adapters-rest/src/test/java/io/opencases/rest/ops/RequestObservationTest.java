package io.opencases.rest.ops;

import io.opencases.application.Caller;
import io.opencases.domain.DomainException;
import io.opencases.rest.CasesHttpHandler;
import io.opencases.rest.OperationHandler;
import io.opencases.rest.RestServer;
import io.opencases.rest.WireJson;
import io.opencases.rest.wire.RequestBinder;
import io.opencases.rest.wire.Router;
import io.opencases.rest.wire.ServiceModel;
import io.opencases.rest.wire.ShapeValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API handler's observers hear of each request once with its request id, operation, account, status and error
 * type; while it is served, the request id and operation are in the MDC (so every log line carries them); while
 * storage is down requests fail fast with Retry-After; a throttle answers 429 ThrottlingException.
 */
class RequestObservationTest {
    private static final ServiceModel MODEL = ServiceModel.load();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final LinkedBlockingQueue<RequestObserver.ServedRequest> served = new LinkedBlockingQueue<>();
    private final RequestObserver observer = new RequestObserver() {
        @Override
        public void started() {
        }

        @Override
        public void completed(ServedRequest request) {
            served.add(request);
        }
    };
    private RestServer server;

    private int start(Map<String, OperationHandler> handlers, Availability availability, RequestThrottle throttle) {
        var api = new CasesHttpHandler(new Router(MODEL), new RequestBinder(MODEL), new ShapeValidator(MODEL),
                handlers, request -> Caller.ofAccount("123456789012"), availability, throttle);
        server = new RestServer("127.0.0.1", 0, api, RestServer.DEFAULT_WORKER_THREADS, observer, List.of());
        server.start();
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(1_000);
        }
    }

    private static HttpResponse<String> listDomains(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/domains-list"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRequestIdAndOperationAreInTheMdcWhileServingAndObservedOnce() throws Exception {
        OperationHandler echoMdc = (input, caller) -> WireJson.object()
                .put("nextToken", MDC.get(RequestContext.REQUEST_ID) + " " + MDC.get(RequestContext.OPERATION))
                .set("domains", WireJson.MAPPER.createArrayNode());
        int port = start(Map.of("ListDomains", echoMdc), Availability.ALWAYS, RequestThrottle.NONE);

        var response = listDomains(port);

        String requestId = response.headers().firstValue("X-Amzn-RequestId").orElseThrow();
        assertThat(WireJson.MAPPER.readTree(response.body()).get("nextToken").asText())
                .isEqualTo(requestId + " ListDomains");
        var request = served.poll(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.requestId()).isEqualTo(requestId);
        assertThat(request.operation()).isEqualTo("ListDomains");
        assertThat(request.accountId()).isEqualTo("123456789012");
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.errorType()).isNull();
        assertThat(request.outcome()).isEqualTo("Success");
        assertThat(request.durationNanos()).isPositive();
        assertThat(served.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(server.inFlight()).isZero();
    }

    @Test
    void errorsAreObservedWithTheirType() throws Exception {
        OperationHandler missing = (input, caller) -> {
            throw new DomainException.NotFound("Domain", "d");
        };
        int port = start(Map.of("ListDomains", missing), Availability.ALWAYS, RequestThrottle.NONE);

        assertThat(listDomains(port).statusCode()).isEqualTo(404);

        var request = served.poll(5, TimeUnit.SECONDS);
        assertThat(request.errorType()).isEqualTo("ResourceNotFoundException");
        assertThat(request.outcome()).isEqualTo("ResourceNotFoundException");
        assertThat(request.status()).isEqualTo(404);
    }

    @Test
    void whileStorageIsDownRequestsFailFastWithARetryHint() throws Exception {
        var ran = new java.util.concurrent.atomic.AtomicBoolean();
        OperationHandler handler = (input, caller) -> {
            ran.set(true);
            return WireJson.object();
        };
        int port = start(Map.of("ListDomains", handler),
                () -> Optional.of(new Availability.Outage("database", "is unreachable", 3)), RequestThrottle.NONE);

        var response = listDomains(port);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains("InternalServerException");
        assertThat(response.headers().firstValue("Retry-After")).contains("3");
        assertThat(response.body()).contains("database is unreachable");
        assertThat(ran).isFalse();
    }

    @Test
    void aLostConnectionDuringTheOperationAlsoGetsARetryHint() throws Exception {
        OperationHandler handler = (input, caller) -> {
            throw new IllegalStateException(new java.sql.SQLTransientConnectionException("pool timed out"));
        };
        int port = start(Map.of("ListDomains", handler), Availability.ALWAYS, RequestThrottle.NONE);

        var response = listDomains(port);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains("InternalServerException");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aThrottledRequestGets429ThrottlingException() throws Exception {
        OperationHandler handler = (input, caller) -> WireJson.object().set("domains",
                WireJson.MAPPER.createArrayNode());
        int port = start(Map.of("ListDomains", handler), Availability.ALWAYS,
                (account, operation) -> !operation.equals("ListDomains"));

        var response = listDomains(port);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains("ThrottlingException");
        assertThat(WireJson.MAPPER.readTree(response.body()).get("message").asText()).contains("ListDomains");
    }
}
