package io.opencases.rest;

import io.opencases.application.Caller;
import io.opencases.rest.auth.SignedRequest;

/** Decides who sends a request; throws {@link io.opencases.rest.auth.AuthenticationException} to refuse it. */
@FunctionalInterface
public interface RequestAuthenticator {
    Caller authenticate(SignedRequest request);
}
