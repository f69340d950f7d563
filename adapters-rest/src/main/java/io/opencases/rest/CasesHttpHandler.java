package io.opencases.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.Caller;
import io.opencases.domain.DomainException;
import io.opencases.rest.auth.AuthenticationException;
import io.opencases.rest.auth.SignedRequest;
import io.opencases.rest.ops.Availability;
import io.opencases.rest.ops.RequestContext;
import io.opencases.rest.ops.RequestThrottle;
import io.opencases.rest.wire.Operation;
import io.opencases.rest.wire.RequestBinder;
import io.opencases.rest.wire.Router;
import io.opencases.rest.wire.ShapeValidator;
import io.opencases.rest.wire.WireException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The restJson1 front door: authenticate (SigV4), route by method and path, bind and validate the input against the
 * service model, run the operation, and write its output or the AWS error envelope.
 */
public final class CasesHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CasesHttpHandler.class);
    private static final HttpString REQUEST_ID = new HttpString("X-Amzn-RequestId");
    private static final HttpString ERROR_TYPE = new HttpString("X-Amzn-ErrorType");
    private static final HttpString RETRY_AFTER = new HttpString("Retry-After");

    private final Router router;
    private final RequestBinder binder;
    private final ShapeValidator validator;
    private final Map<String, OperationHandler> handlers;
    private final RequestAuthenticator authenticator;
    private final Availability availability;
    private final RequestThrottle throttle;

    public CasesHttpHandler(Router router, RequestBinder binder, ShapeValidator validator,
                            Map<String, OperationHandler> handlers, RequestAuthenticator authenticator) {
        this(router, binder, validator, handlers, authenticator, Availability.ALWAYS, RequestThrottle.NONE);
    }

    /**
     * {@code availability} fails requests fast while storage is down; {@code throttle} applies request-rate quotas
     * per account and operation.
     */
    public CasesHttpHandler(Router router, RequestBinder binder, ShapeValidator validator,
                            Map<String, OperationHandler> handlers, RequestAuthenticator authenticator,
                            Availability availability, RequestThrottle throttle) {
        this.router = router;
        this.binder = binder;
        this.validator = validator;
        this.handlers = Map.copyOf(handlers);
        this.authenticator = authenticator;
        this.availability = availability;
        this.throttle = throttle;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        // Operations block on storage, so they run on a worker thread with the whole body read first.
        exchange.getRequestReceiver().receiveFullBytes(
                (ex, body) -> ex.dispatch(() -> serve(ex, body)),
                (ex, e) -> ex.dispatch(() -> serve(ex, null)));
    }

    private void serve(HttpServerExchange exchange, byte[] body) {
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().put(REQUEST_ID, requestId);
        // Every line logged while this request is served carries its id (and, once routed, its operation).
        MDC.put(RequestContext.REQUEST_ID, requestId);
        try {
            serve(exchange, body, requestId);
        } finally {
            MDC.remove(RequestContext.REQUEST_ID);
            MDC.remove(RequestContext.OPERATION);
        }
    }

    private void serve(HttpServerExchange exchange, byte[] body, String requestId) {
        try {
            if (body == null) {
                throw new WireException(400, "ValidationException", "The request body could not be read.");
            }
            String method = exchange.getRequestMethod().toString();
            String rawPath = exchange.getRequestURI();
            String rawQuery = exchange.getQueryString();
            Caller caller = authenticator.authenticate(new SignedRequest(method, rawPath,
                    rawQuery == null || rawQuery.isEmpty() ? null : rawQuery, headers(exchange), body));
            RequestContext.account(exchange, caller.accountId());
            var match = router.match(method, rawPath).orElseThrow(() -> new WireException(404,
                    "UnknownOperationException", "No operation is bound to " + method + " " + rawPath + "."));
            Operation operation = match.operation();
            RequestContext.operation(exchange, operation.name());
            MDC.put(RequestContext.OPERATION, operation.name());
            if (!throttle.admit(caller.accountId(), operation.name())) {
                throw new WireException(429, "ThrottlingException", "Rate exceeded for " + operation.name()
                        + " in account " + caller.accountId() + ".");
            }
            var outage = availability.outage();
            if (outage.isPresent()) {
                sendUnavailable(exchange, outage.get(), requestId);
                return;
            }
            OperationHandler handler = handlers.get(operation.name());
            if (handler == null) {
                throw new WireException(501, "NotImplementedException",
                        operation.name() + " is not implemented by this server yet.");
            }
            ObjectNode input = binder.bind(operation, match.labels(), query(exchange), body);
            if (operation.inputShape() != null) {
                validator.validate(operation.inputShape(), input);
            }
            JsonNode output = handler.handle(input, caller);
            send(exchange, 200, output == null ? WireJson.object() : output);
        } catch (WireException e) {
            sendError(exchange, e.status(), e.errorType(), e.getMessage(), null);
        } catch (AuthenticationException e) {
            sendError(exchange, e.status(), e.errorType(), e.getMessage(), null);
        } catch (DomainException.NotFound e) {
            ObjectNode extra = WireJson.object().put("resourceId", e.resourceId())
                    .put("resourceType", e.resourceType());
            sendError(exchange, 404, "ResourceNotFoundException", e.getMessage(), extra);
        } catch (DomainException.Conflict e) {
            sendError(exchange, 409, "ConflictException", e.getMessage(), null);
        } catch (DomainException.Invalid e) {
            sendError(exchange, 400, "ValidationException", e.getMessage(), null);
        } catch (DomainException.QuotaExceeded e) {
            sendError(exchange, 402, "ServiceQuotaExceededException", e.getMessage(), null);
        } catch (RuntimeException e) {
            var outage = availability.outage();
            if (outage.isPresent() || lostConnection(e)) {
                // The store went away under the request: say so briefly, with a retry hint, not as a server bug.
                LOG.warn("Request {} {} {} failed: storage unavailable ({})", requestId, exchange.getRequestMethod(),
                        exchange.getRequestURI(), String.valueOf(e));
                sendUnavailable(exchange, outage.orElse(new Availability.Outage("database",
                        "lost its connection", UNAVAILABLE_RETRY_AFTER_SECONDS)), requestId);
                return;
            }
            LOG.error("Request {} {} {} failed", requestId, exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendError(exchange, 500, "InternalServerException",
                    "An internal error occurred; request id " + requestId + ".", null);
        }
    }

    /** The retry hint when a request loses its storage connection before the availability check notices. */
    private static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

    /**
     * The model has no ServiceUnavailable error: an outage is its 500 InternalServerException, whose
     * {@code retryAfterSeconds} member is bound to the {@code Retry-After} header.
     */
    private static void sendUnavailable(HttpServerExchange exchange, Availability.Outage outage, String requestId) {
        exchange.getResponseHeaders().put(RETRY_AFTER, outage.retryAfterSeconds());
        sendError(exchange, 500, "InternalServerException", "The service is temporarily unavailable: the "
                + outage.part() + " " + outage.reason() + ". Retry after " + outage.retryAfterSeconds()
                + " seconds; request id " + requestId + ".", null);
    }

    /** A connection to the store failed (SQLState class 08, or the pool gave up waiting for one). */
    private static boolean lostConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            // 08: connection exceptions; 57P01-03: the server is shutting down, crashed, or not accepting yet.
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Map<String, List<String>> headers(HttpServerExchange exchange) {
        var headers = new LinkedHashMap<String, List<String>>();
        for (var values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString(), new ArrayList<>(values));
        }
        return headers;
    }

    private static Map<String, List<String>> query(HttpServerExchange exchange) {
        var query = new LinkedHashMap<String, List<String>>();
        for (Map.Entry<String, Deque<String>> e : exchange.getQueryParameters().entrySet()) {
            query.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return query;
    }

    private static void sendError(HttpServerExchange exchange, int status, String type, String message,
                                  ObjectNode members) {
        exchange.getResponseHeaders().put(ERROR_TYPE, type);
        ObjectNode body = WireJson.object().put("message", message);
        if (members != null) {
            body.setAll(members);
        }
        send(exchange, status, body);
    }

    /**
     * Sends the response from the connection's I/O thread, so the exchange also completes there. Completed on a
     * worker, Undertow's {@code HttpReadListener.exchangeComplete} marks the connection busy while it re-arms reads,
     * and the I/O thread, woken by the client's next request meanwhile, spins until it is done: on two cores with
     * sixteen workers the worker is often preempted inside, and the profile showed the I/O threads spinning for 17%
     * of the server's CPU. On the I/O thread the same step runs without the handoff.
     */
    private static void send(HttpServerExchange exchange, int status, JsonNode body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        String text = body.toString();
        if (exchange.isInIoThread()) {
            exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
        } else {
            exchange.getIoThread().execute(() -> exchange.getResponseSender().send(text, StandardCharsets.UTF_8));
        }
    }
}
