package io.opencases.rest.wire;

/** A request refused by the wire layer itself (malformed body, model constraint broken), with its AWS error type. */
public final class WireException extends RuntimeException {
    private final int status;
    private final String errorType;

    public WireException(int status, String errorType, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
    }

    public static WireException validation(String message) {
        return new WireException(400, "ValidationException", message);
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }
}
