package io.opencases.rest.ops;

/**
 * Hears of every API request the server answers: when it arrives and, once the response is sent, what it was and
 * how it ended. Metrics and the request log are observers; they must be cheap, as they run on every request.
 */
public interface RequestObserver {
    RequestObserver NONE = new RequestObserver() {
        @Override
        public void started() {
        }

        @Override
        public void completed(ServedRequest request) {
        }
    };

    /** A request arrived; it is in flight until {@link #completed}. */
    void started();

    void completed(ServedRequest request);

    /** Several observers, in order. */
    static RequestObserver all(java.util.List<RequestObserver> observers) {
        var copy = java.util.List.copyOf(observers);
        return new RequestObserver() {
            @Override
            public void started() {
                for (RequestObserver observer : copy) {
                    observer.started();
                }
            }

            @Override
            public void completed(ServedRequest request) {
                for (RequestObserver observer : copy) {
                    observer.completed(request);
                }
            }
        };
    }

    /**
     * One answered request: the {@code X-Amzn-RequestId} it returned, the operation (null when the request matched
     * none), the caller's account (null when it was not authenticated), the HTTP status, the error type (null on
     * success) and how long it took from arrival to the last byte of the response.
     */
    record ServedRequest(String requestId, String operation, String accountId, int status, String errorType,
                         long durationNanos) {
        /** The operation as a metrics label: never null. */
        public String operationLabel() {
            return operation == null ? "Unknown" : operation;
        }

        /** How it ended as a metrics label: "Success" or the error type. */
        public String outcome() {
            return errorType == null ? "Success" : errorType;
        }
    }
}
