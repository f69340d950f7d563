package io.opencases.web;

import io.opencases.application.cases.CaseChangeWatch;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.AttachmentKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events for open pages: one background loop follows the store's change feed (so changes made through
 * any instance or the API arrive) and tells each page of the domain which case changed; the page fetches what it
 * shows again.
 */
final class LiveUpdates implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);
    static final long POLL_MILLIS = 200;
    private static final long KEEPALIVE_MILLIS = 15_000;
    private static final long RECONNECT_MILLIS = 1_000;
    static final AttachmentKey<String> DOMAIN = AttachmentKey.create(String.class);

    private final CaseChangeWatch watch;
    private final ServerSentEventHandler events;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "opencases-workspace-live");
        thread.setDaemon(true);
        return thread;
    });

    LiveUpdates(CaseChangeWatch watch) {
        this.watch = watch;
        this.events = new ServerSentEventHandler((connection, lastEventId) -> {
            var domain = connection.getQueryParameters().get("domain");
            connection.putAttachment(DOMAIN, domain == null ? "" : domain.getFirst());
            connection.setKeepAliveTime(KEEPALIVE_MILLIS);
            // Sends the headers at once (the page knows it is live) and tells it how soon to reconnect.
            connection.sendRetry(RECONNECT_MILLIS);
        });
    }

    void start() {
        watch.poll();
        loop.scheduleWithFixedDelay(this::publish, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Opens the event stream of the page's {@code domain} parameter (the caller checked session and domain). */
    void open(HttpServerExchange exchange) {
        // The stream lives on the connection's I/O thread, not on the worker that checked the session.
        exchange.dispatch(exchange.getIoThread(), () -> {
            try {
                events.handleRequest(exchange);
            } catch (Exception e) {
                LOG.warn("Could not open a live update stream", e);
                exchange.endExchange();
            }
        });
    }

    private void publish() {
        try {
            var changes = watch.poll();
            if (changes.isEmpty()) {
                return;
            }
            for (ServerSentEventConnection connection : events.getConnections()) {
                String domainId = connection.getAttachment(DOMAIN);
                for (var change : changes) {
                    if (change.domainId().equals(domainId)) {
                        connection.send(change.caseId() == null ? "*" : change.caseId(), "case", null, null);
                    }
                }
            }
        } catch (RuntimeException e) {
            // The feed keeps the changes; the next pass reports them.
            LOG.warn("Workspace live update pass failed", e);
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        for (ServerSentEventConnection connection : events.getConnections()) {
            try {
                connection.shutdown();
            } catch (RuntimeException listenerGone) {
                // The listener stopped first; its connections are closed with it.
            }
        }
    }
}
