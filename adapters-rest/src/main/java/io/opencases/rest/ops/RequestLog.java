package io.opencases.rest.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs every answered API request once, on the {@code opencases.requests} logger: request id, operation, account,
 * status, error type and duration, both in the message and as MDC fields (so the JSON log carries them as keys).
 */
public final class RequestLog implements RequestObserver {
    private static final Logger LOG = LoggerFactory.getLogger("opencases.requests");

    @Override
    public void started() {
    }

    @Override
    public void completed(ServedRequest request) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long micros = request.durationNanos() / 1_000;
        String duration = (micros / 1000) + "." + String.format("%03d", micros % 1000);
        var previous = MDC.getCopyOfContextMap();
        try {
            MDC.put(RequestContext.REQUEST_ID, request.requestId());
            putIfPresent(RequestContext.OPERATION, request.operation());
            putIfPresent("account", request.accountId());
            MDC.put("status", Integer.toString(request.status()));
            putIfPresent("errorType", request.errorType());
            MDC.put("durationMs", duration);
            LOG.info("{} {} account={} status={}{} in {} ms", request.requestId(), request.operationLabel(),
                    request.accountId() == null ? "-" : request.accountId(), request.status(),
                    request.errorType() == null ? "" : " error=" + request.errorType(), duration);
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    private static void putIfPresent(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
