package io.opencases.rest.ops;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * What the API handler learns about a request (its operation and caller's account) and leaves on the exchange for
 * the observers; and the MDC keys under which the request id and operation ride along every log line written
 * while the request is served.
 */
public final class RequestContext {
    public static final String REQUEST_ID = "requestId";
    public static final String OPERATION = "operation";
    static final AttachmentKey<String> OPERATION_KEY = AttachmentKey.create(String.class);
    static final AttachmentKey<String> ACCOUNT_KEY = AttachmentKey.create(String.class);

    private RequestContext() {
    }

    public static void operation(HttpServerExchange exchange, String operation) {
        exchange.putAttachment(OPERATION_KEY, operation);
    }

    public static void account(HttpServerExchange exchange, String accountId) {
        exchange.putAttachment(ACCOUNT_KEY, accountId);
    }

    /** The operation the request being served on this thread runs, or null (from the MDC). */
    public static String currentOperation() {
        return org.slf4j.MDC.get(OPERATION);
    }
}
