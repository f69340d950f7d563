package io.opencases.bootstrap;

import io.opencases.application.event.CaseEventDispatcher;
import io.opencases.rest.RestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A running OpenCases: the HTTP listener plus the background loop that delivers case events. */
public final class OpenCasesServer {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCasesServer.class);
    private static final long DELIVERY_INTERVAL_MILLIS = 100;

    private final RestServer rest;
    private final CaseEventDispatcher dispatcher;
    private final ScheduledExecutorService delivery = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "opencases-event-delivery");
        thread.setDaemon(true);
        return thread;
    });

    OpenCasesServer(RestServer rest, CaseEventDispatcher dispatcher) {
        this.rest = rest;
        this.dispatcher = dispatcher;
    }

    void start() {
        rest.start();
        delivery.scheduleWithFixedDelay(this::deliver, DELIVERY_INTERVAL_MILLIS, DELIVERY_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void deliver() {
        try {
            dispatcher.dispatch();
        } catch (RuntimeException e) {
            // The loop must survive anything: events stay in the outbox and the next pass tries again.
            LOG.error("Case event delivery pass failed", e);
        }
    }

    public int port() {
        return rest.port();
    }

    /** Drains in-flight requests, then makes one last delivery pass before stopping the loop. */
    public void stop(long graceMillis) {
        rest.stop(graceMillis);
        delivery.shutdown();
        try {
            delivery.awaitTermination(graceMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliver();
    }
}
