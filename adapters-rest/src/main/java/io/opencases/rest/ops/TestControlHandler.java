package io.opencases.rest.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.Caller;
import io.opencases.rest.RequestAuthenticator;
import io.opencases.rest.WireJson;
import io.opencases.rest.auth.AuthenticationException;
import io.opencases.rest.auth.SignedRequest;
import io.opencases.rest.events.CaseEventJson;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test control plane under {@code /_opencases/}, for CI: reset data, move the server clock, see the case events
 * the server delivered, is retrying and gave up on. Requests are signed with the account's keys exactly like API
 * requests (service {@code cases}); errors use the API's envelope.
 *
 * <pre>
 * POST   /_opencases/reset           {"scope":"account"} (default) or {"scope":"all"}
 * GET    /_opencases/clock
 * PUT    /_opencases/clock           {"now":"2030-01-01T00:00:00Z"}
 * POST   /_opencases/clock/advance   {"seconds":3600}
 * DELETE /_opencases/clock           back to the system time
 * GET    /_opencases/events          the caller's events: delivered, pending, retrying, dead
 * </pre>
 */
public final class TestControlHandler implements HttpHandler {
    public static final String PREFIX = "/_opencases/";
    private static final HttpString ERROR_TYPE = new HttpString("X-Amzn-ErrorType");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestControlHandler.class);

    private final RequestAuthenticator authenticator;
    private final TestControl control;

    public TestControlHandler(RequestAuthenticator authenticator, TestControl control) {
        this.authenticator = authenticator;
        this.control = control;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getRequestReceiver().receiveFullBytes(
                (ex, body) -> ex.dispatch(() -> serve(ex, body)),
                (ex, e) -> ex.dispatch(() -> send(ex, 400, error(ex, "ValidationException",
                        "The request body could not be read."))));
    }

    private void serve(HttpServerExchange exchange, byte[] body) {
        try {
            String method = exchange.getRequestMethod().toString();
            String path = exchange.getRequestPath().substring(PREFIX.length());
            String query = exchange.getQueryString();
            Caller caller = authenticator.authenticate(new SignedRequest(method, exchange.getRequestURI(),
                    query == null || query.isEmpty() ? null : query, headers(exchange), body));
            JsonNode input = body.length == 0 ? WireJson.object() : WireJson.MAPPER.readTree(body);
            if (input == null || !input.isObject()) {
                throw new BadRequest("The body must be a JSON object.");
            }
            send(exchange, 200, switch (method + " " + path) {
                case "POST reset" -> reset(caller, input);
                case "GET clock" -> clock();
                case "PUT clock" -> {
                    control.setClock(instant(input, "now"));
                    yield clock();
                }
                case "POST clock/advance" -> {
                    JsonNode seconds = input.get("seconds");
                    if (seconds == null || !seconds.canConvertToLong() || seconds.asLong() < 0) {
                        throw new BadRequest("seconds must be a whole number of seconds, 0 or more.");
                    }
                    control.advanceClock(Duration.ofSeconds(seconds.asLong()));
                    yield clock();
                }
                case "DELETE clock" -> {
                    control.resetClock();
                    yield clock();
                }
                case "GET events" -> events(caller);
                default -> {
                    throw new NotFound("No test control operation is bound to " + method + " "
                            + exchange.getRequestPath() + ".");
                }
            });
        } catch (AuthenticationException e) {
            send(exchange, e.status(), error(exchange, e.errorType(), e.getMessage()));
        } catch (BadRequest | IOException e) {
            send(exchange, 400, error(exchange, "ValidationException", e.getMessage()));
        } catch (NotFound e) {
            send(exchange, 404, error(exchange, "UnknownOperationException", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Test control plane request {} {} failed", exchange.getRequestMethod(),
                    exchange.getRequestPath(), e);
            send(exchange, 500, error(exchange, "InternalServerException", "The test control plane call failed: "
                    + e.getMessage()));
        }
    }

    private ObjectNode reset(Caller caller, JsonNode input) {
        String scope = input.path("scope").asText("account");
        List<String> erased = switch (scope) {
            case "account" -> control.resetAccount(caller.accountId());
            case "all" -> control.resetAll();
            default -> throw new BadRequest("scope must be 'account' or 'all' (got '" + scope + "').");
        };
        ObjectNode out = WireJson.object().put("scope", scope);
        ArrayNode ids = out.putArray("erasedDomainIds");
        erased.forEach(ids::add);
        return out;
    }

    private ObjectNode clock() {
        return WireJson.object().put("now", control.now().toString())
                .put("offsetSeconds", control.clockOffset().toSeconds());
    }

    private ObjectNode events(Caller caller) {
        Map<String, ArrayNode> byState = new LinkedHashMap<>();
        ObjectNode out = WireJson.object();
        for (String state : new String[]{"delivered", "pending", "retrying", "dead"}) {
            byState.put(state, out.putArray(state));
        }
        for (TestControl.EventRecord record : control.events(caller.accountId())) {
            ObjectNode item = WireJson.object().put("eventId", record.event().eventId())
                    .put("eventType", record.event().eventType())
                    .put("domainId", record.event().domainId())
                    .put("caseId", record.event().caseId())
                    .put("attempts", record.attempts());
            if (record.deliveredAt() != null) {
                item.put("deliveredAt", record.deliveredAt().toString());
            }
            if (record.nextAttemptAt() != null) {
                item.put("nextAttemptAt", record.nextAttemptAt().toString());
            }
            if (record.lastError() != null) {
                item.put("lastError", record.lastError());
            }
            try {
                item.set("payload", WireJson.MAPPER.readTree(CaseEventJson.toJson(record.event())));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            byState.get(record.state()).add(item);
        }
        return out;
    }

    private static Instant instant(JsonNode input, String member) {
        try {
            return Instant.parse(input.path(member).asText(""));
        } catch (DateTimeParseException e) {
            throw new BadRequest(member + " must be an ISO-8601 instant such as 2030-01-01T00:00:00Z.");
        }
    }

    private static Map<String, List<String>> headers(HttpServerExchange exchange) {
        var headers = new LinkedHashMap<String, List<String>>();
        for (var values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString(), new ArrayList<>(values));
        }
        return headers;
    }

    private static ObjectNode error(HttpServerExchange exchange, String type, String message) {
        exchange.getResponseHeaders().put(ERROR_TYPE, type);
        return WireJson.object().put("message", message);
    }

    private static void send(HttpServerExchange exchange, int status, JsonNode body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body.toString(), StandardCharsets.UTF_8);
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
