package io.opencases.rest.ops;

/** Admits or throttles (429 ThrottlingException) a request of an account to an operation, before it runs. */
@FunctionalInterface
public interface RequestThrottle {
    RequestThrottle NONE = (accountId, operation) -> true;

    boolean admit(String accountId, String operation);
}
