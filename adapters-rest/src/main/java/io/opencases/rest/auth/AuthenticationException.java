package io.opencases.rest.auth;

/**
 * A refused request, carrying the HTTP status and the AWS error type the SDKs map to their exceptions.
 * No stack trace is captured: refusals are routine and can come in floods, and the trace would say nothing useful.
 */
public final class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorType;

    private AuthenticationException(int status, String errorType, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
    }

    static AuthenticationException missingToken() {
        return new AuthenticationException(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    static AuthenticationException incompleteSignature(String message) {
        return new AuthenticationException(400, "IncompleteSignatureException", message);
    }

    static AuthenticationException unrecognizedClient() {
        return new AuthenticationException(403, "UnrecognizedClientException",
                "The security token included in the request is invalid.");
    }

    static AuthenticationException invalidSignature(String message) {
        return new AuthenticationException(403, "InvalidSignatureException", message);
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }
}
