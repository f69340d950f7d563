package io.opencases.rest;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The Undertow listener: the Cases API on every path, plus an unsigned {@code GET /health}. Stopping lets in-flight
 * requests finish before the listener closes.
 */
public final class RestServer {
    private final String host;
    private final int port;
    private final GracefulShutdownHandler root;
    private Undertow undertow;
    private final java.util.List<Mount> mounts;

    /** Another driving adapter served on the same listener below {@code prefix} (the agent workspace). */
    public record Mount(String prefix, HttpHandler handler) {
    }

    public RestServer(String host, int port, CasesHttpHandler api) {
        this(host, port, api, java.util.List.of());
    }

    public RestServer(String host, int port, CasesHttpHandler api, java.util.Collection<Mount> mounts) {
        this.host = host;
        this.port = port;
        this.mounts = java.util.List.copyOf(mounts);
        HttpHandler health = exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send("{\"status\":\"UP\"}", StandardCharsets.UTF_8);
        };
        this.root = new GracefulShutdownHandler(exchange -> {
            if (Methods.GET.equals(exchange.getRequestMethod()) && "/health".equals(exchange.getRequestURI())) {
                health.handleRequest(exchange);
                return;
            }
            String path = exchange.getRequestPath();
            for (Mount mount : mounts) {
                if (path.equals(mount.prefix()) || path.startsWith(mount.prefix() + "/")) {
                    mount.handler().handleRequest(exchange);
                    return;
                }
            }
            {
                api.handleRequest(exchange);
            }
        });
    }

    public synchronized void start() {
        undertow = Undertow.builder()
                .addHttpListener(port, host)
                // ARN labels arrive with %2F inside one path segment (/tags/arn%3A...%2F...).
                .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, true)
                .setHandler(root)
                .build();
        undertow.start();
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        var address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        return address.getPort();
    }

    /** Stops accepting, waits up to {@code graceMillis} for in-flight requests, then closes. */
    public synchronized void stop(long graceMillis) {
        if (undertow == null) {
            return;
        }
        // Mounted adapters end their long-lived streams (server-sent events) first: the wait below would wait for
        // them.
        for (Mount mount : mounts) {
            if (mount.handler() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Stopping anyway; the connections close with the listener.
                }
            }
        }
        root.shutdown();
        try {
            root.awaitShutdown(graceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        undertow = null;
    }
}
