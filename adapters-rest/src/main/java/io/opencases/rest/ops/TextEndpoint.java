package io.opencases.rest.ops;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** An unsigned GET endpoint answering text made on demand ({@code /metrics}); off the I/O thread. */
public final class TextEndpoint implements HttpHandler {
    private final String contentType;
    private final Supplier<String> body;

    public TextEndpoint(String contentType, Supplier<String> body) {
        this.contentType = contentType;
        this.body = body;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        String text = body.get();
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
    }
}
