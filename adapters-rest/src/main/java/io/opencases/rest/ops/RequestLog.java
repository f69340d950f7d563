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
    private static final String ACCOUNT = "account";
    private static final String STATUS = "status";
    private static final String ERROR_TYPE = "errorType";
    private static final String DURATION = "durationMs";
    private static final String[] KEYS = {RequestContext.REQUEST_ID, RequestContext.OPERATION, ACCOUNT, STATUS,
            ERROR_TYPE, DURATION};

    @Override
    public void started() {
    }

    @Override
    public void completed(ServedRequest request) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        // Runs on whichever thread completed the exchange, possibly still inside the handler's serve (whose own
        // request id and operation are put back afterwards): set the fields for this one line, then remove them.
        String duration = millis(request.durationNanos());
        String servingId = MDC.get(RequestContext.REQUEST_ID);
        String servingOperation = MDC.get(RequestContext.OPERATION);
        MDC.put(RequestContext.REQUEST_ID, request.requestId());
        putIfPresent(RequestContext.OPERATION, request.operation());
        putIfPresent(ACCOUNT, request.accountId());
        MDC.put(STATUS, Integer.toString(request.status()));
        putIfPresent(ERROR_TYPE, request.errorType());
        MDC.put(DURATION, duration);
        try {
            LOG.info("{} {} account={} status={}{} in {} ms", request.requestId(), request.operationLabel(),
                    request.accountId() == null ? "-" : request.accountId(), request.status(),
                    request.errorType() == null ? "" : " error=" + request.errorType(), duration);
        } finally {
            for (String key : KEYS) {
                MDC.remove(key);
            }
            if (servingId != null) {
                MDC.put(RequestContext.REQUEST_ID, servingId);
            }
            if (servingOperation != null) {
                MDC.put(RequestContext.OPERATION, servingOperation);
            }
        }
    }

    /** Milliseconds with three decimals, without String.format's cost on every request. */
    static String millis(long nanos) {
        long micros = nanos / 1_000;
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    private static void putIfPresent(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
