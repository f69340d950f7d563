package io.opencases.rest;

import io.opencases.application.Caller;
import io.opencases.rest.wire.RequestBinder;
import io.opencases.rest.wire.Router;
import io.opencases.rest.wire.ServiceModel;
import io.opencases.rest.wire.ShapeValidator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the server lets a request already in flight finish with its normal answer. */
class RestServerTest {

    @Test
    void stopWaitsForInFlightRequests() throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        OperationHandler slow = (input, caller) -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return WireJson.object().set("domains", WireJson.MAPPER.createArrayNode());
        };
        ServiceModel model = ServiceModel.load();
        var handler = new CasesHttpHandler(new Router(model), new RequestBinder(model), new ShapeValidator(model),
                Map.of("ListDomains", slow), request -> Caller.ofAccount("000000000000"));
        var server = new RestServer("127.0.0.1", 0, handler);
        server.start();
        int port = server.port();

        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/domains-list"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(10_000));
        assertThat(stopping).isNotDone();
        release.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stopping.get(10, TimeUnit.SECONDS);
    }
}
