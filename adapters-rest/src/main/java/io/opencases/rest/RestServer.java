package io.opencases.rest;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.opencases.rest.ops.ObservedHandler;
import io.opencases.rest.ops.RequestObserver;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Undertow listener: the Cases API on every path, plus an unsigned {@code GET /health}. Stopping lets in-flight
 * requests finish before the listener closes.
 */
public final class RestServer {
    private final String host;
    private final int port;
    private final GracefulShutdownHandler root;
    private final ObservedHandler observedApi;
    private Undertow undertow;
    private final int workerThreads;
    /** Undertow's own default is 8 per I/O thread (16 on 2 cores); see docs/performance.md for the choice. */
    public static final int DEFAULT_WORKER_THREADS = 16;

    /**
     * An endpoint beside the API (metrics, readiness, the test control plane): {@code path} exactly, or every path
     * under it when {@code prefix}; unsigned unless its handler checks signatures itself.
     */
    public record Route(String path, boolean prefix, HttpHandler handler) {
        public static Route exact(String path, HttpHandler handler) {
            return new Route(path, false, handler);
        }

        public static Route under(String path, HttpHandler handler) {
            return new Route(path, true, handler);
        }

        boolean matches(String requestPath) {
            return prefix ? requestPath.startsWith(path) : requestPath.equals(path);
        }
    }

    private final java.util.List<Mount> mounts;

    /** Another driving adapter served on the same listener below {@code prefix} (the agent workspace). */
    public record Mount(String prefix, HttpHandler handler) {
    }

    public RestServer(String host, int port, CasesHttpHandler api) {
        this(host, port, api, DEFAULT_WORKER_THREADS, RequestObserver.NONE, List.of());
    }

    public RestServer(String host, int port, CasesHttpHandler api, int workerThreads) {
        this(host, port, api, workerThreads, RequestObserver.NONE, List.of());
    }

    /**
     * {@code workerThreads} run the operations, which block on storage: enough to keep every pooled database
     * connection busy, and no more, since on a small machine surplus threads only compete for the cores.
     * {@code observer} hears of every API request; {@code routes} are served before the API, first match wins.
     */
    public RestServer(String host, int port, CasesHttpHandler api, int workerThreads, RequestObserver observer,
                      List<Route> routes) {
        this(host, port, api, workerThreads, observer, routes, List.of());
    }

    /** As above, with other driving adapters mounted on the same listener (the agent workspace). */
    public RestServer(String host, int port, CasesHttpHandler api, int workerThreads, RequestObserver observer,
                      List<Route> routes, java.util.Collection<Mount> mounts) {
        this.workerThreads = workerThreads;
        this.host = host;
        this.port = port;
        this.mounts = java.util.List.copyOf(mounts);
        HttpHandler health = exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send("{\"status\":\"UP\"}", StandardCharsets.UTF_8);
        };
        this.observedApi = new ObservedHandler(api, observer);
        List<Route> extra = List.copyOf(routes);
        this.root = new GracefulShutdownHandler(exchange -> {
            String path = exchange.getRequestPath();
            if (Methods.GET.equals(exchange.getRequestMethod()) && "/health".equals(exchange.getRequestURI())) {
                health.handleRequest(exchange);
                return;
            }
            for (Mount mount : mounts) {
                if (path.equals(mount.prefix()) || path.startsWith(mount.prefix() + "/")) {
                    mount.handler().handleRequest(exchange);
                    return;
                }
            }
            for (Route route : extra) {
                if (route.matches(path)) {
                    route.handler().handleRequest(exchange);
                    return;
                }
            }
            observedApi.handleRequest(exchange);
        });
    }

    /** API requests received and not answered yet (for the shutdown report). */
    public int inFlight() {
        return observedApi.inFlight();
    }

    public synchronized void start() {
        undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())))
                .setWorkerThreads(workerThreads)
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
