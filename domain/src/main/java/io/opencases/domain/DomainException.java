package io.opencases.domain;

import java.util.Objects;

/**
 * The business failures a use case can end in. A small closed set so the wire adapter can map each one to exactly
 * one AWS error type without knowing the rule that raised it.
 */
public abstract sealed class DomainException extends RuntimeException {

    private DomainException(String message) {
        super(Objects.requireNonNull(message), null, false, false);
    }

    /** The addressed resource does not exist (or belongs to another account, which callers must not learn). */
    public static final class NotFound extends DomainException {
        private final String resourceType;
        private final String resourceId;

        public NotFound(String resourceType, String resourceId) {
            super(resourceType + " " + resourceId + " was not found.");
            this.resourceType = resourceType;
            this.resourceId = resourceId;
        }

        public String resourceType() {
            return resourceType;
        }

        public String resourceId() {
            return resourceId;
        }
    }

    /** The request clashes with the current state: a duplicate name, a reference still in use. */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The request breaks a business rule; the message names the offending member. */
    public static final class Invalid extends DomainException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** A configured quota would be exceeded. */
    public static final class QuotaExceeded extends DomainException {
        public QuotaExceeded(String message) {
            super(message);
        }
    }

    public static Invalid invalid(String format, Object... args) {
        return new Invalid(String.format(format, args));
    }
}
