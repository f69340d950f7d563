package io.opencases.rest.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.rest.WireJson;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health/ready}: 200 {@code {"status":"READY"}} when every part works, otherwise 503 with each failing
 * part named and why, so a load balancer stops sending traffic and an operator sees what is wrong.
 */
public final class ReadinessEndpoint implements HttpHandler {
    private final Supplier<Map<String, String>> failing;

    /** {@code failing}: the parts that do not work now, each with a reason; empty when ready. */
    public ReadinessEndpoint(Supplier<Map<String, String>> failing) {
        this.failing = failing;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        Map<String, String> failures = failing.get();
        ObjectNode body = WireJson.object();
        if (failures.isEmpty()) {
            body.put("status", "READY");
            exchange.setStatusCode(200);
        } else {
            body.put("status", "NOT_READY");
            ObjectNode parts = body.putObject("failing");
            failures.forEach(parts::put);
            exchange.setStatusCode(503);
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body.toString(), StandardCharsets.UTF_8);
    }
}
