package io.opencases.rest.ops;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the API handler: counts requests in flight and tells the observer about each one once its response has
 * been sent, with what the API handler left on the exchange (operation, account) and in the response headers
 * (request id, error type).
 */
public final class ObservedHandler implements HttpHandler {
    private static final HttpString REQUEST_ID = new HttpString("X-Amzn-RequestId");
    private static final HttpString ERROR_TYPE = new HttpString("X-Amzn-ErrorType");

    private final HttpHandler next;
    private final RequestObserver observer;
    private final AtomicInteger inFlight = new AtomicInteger();

    public ObservedHandler(HttpHandler next, RequestObserver observer) {
        this.next = next;
        this.observer = observer;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long began = System.nanoTime();
        inFlight.incrementAndGet();
        observer.started();
        exchange.addExchangeCompleteListener((ex, nextListener) -> {
            try {
                inFlight.decrementAndGet();
                observer.completed(new RequestObserver.ServedRequest(
                        ex.getResponseHeaders().getFirst(REQUEST_ID),
                        ex.getAttachment(RequestContext.OPERATION_KEY),
                        ex.getAttachment(RequestContext.ACCOUNT_KEY),
                        ex.getStatusCode(),
                        ex.getResponseHeaders().getFirst(ERROR_TYPE),
                        System.nanoTime() - began));
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }

    /** API requests received and not answered yet. */
    public int inFlight() {
        return inFlight.get();
    }
}
