package io.opencases.web;

import io.opencases.application.Caller;
import io.opencases.application.agent.AgentService;
import io.opencases.domain.agent.Agent;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormParserFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One workspace request: its path below /workspace, its parameters (query and form), and who sent it. */
final class WebRequest {
    private static final FormParserFactory FORMS = FormParserFactory.builder().withDefaultCharset("UTF-8").build();

    final HttpServerExchange exchange;
    /** The path below {@code /workspace}, starting with '/'. */
    final String path;
    Sessions.Session session;
    Agent agent;
    private FormData form;

    WebRequest(HttpServerExchange exchange, String path) {
        this.exchange = exchange;
        this.path = path;
    }

    boolean isPost() {
        return exchange.getRequestMethod().toString().equals("POST");
    }

    /** Whether htmx sent it (it wants a fragment, not a whole page). */
    boolean isHtmx() {
        return exchange.getRequestHeaders().getFirst("HX-Request") != null;
    }

    Caller caller() {
        return AgentService.callerOf(agent);
    }

    /** The first value of a query or form parameter, or null. */
    String param(String name) {
        List<String> all = params(name);
        return all.isEmpty() ? null : all.get(0);
    }

    List<String> params(String name) {
        var values = new ArrayList<String>();
        Deque<String> query = exchange.getQueryParameters().get(name);
        if (query != null) {
            values.addAll(query);
        }
        FormData data = form();
        if (data != null && data.contains(name)) {
            for (FormData.FormValue v : data.get(name)) {
                if (!v.isFileItem()) {
                    values.add(v.getValue());
                }
            }
        }
        return values;
    }

    /** Every form parameter name with the prefix, the prefix removed. */
    List<String> formNamesStartingWith(String prefix) {
        var names = new ArrayList<String>();
        FormData data = form();
        if (data != null) {
            for (String name : data) {
                if (name.startsWith(prefix)) {
                    names.add(name.substring(prefix.length()));
                }
            }
        }
        return names;
    }

    private FormData form() {
        if (form == null && isPost()) {
            try {
                var parser = FORMS.createParser(exchange);
                if (parser == null) {
                    form = new FormData(0);
                } else {
                    exchange.startBlocking();
                    form = parser.parseBlocking();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return form;
    }
}
