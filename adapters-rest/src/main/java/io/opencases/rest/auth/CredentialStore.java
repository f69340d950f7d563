package io.opencases.rest.auth;

import java.util.Optional;

/** Where the verifier finds the secret of an access key; an interface so key storage can change apart from SigV4. */
@FunctionalInterface
public interface CredentialStore {

    /** The credentials of {@code accessKeyId}, or empty when the key is unknown. */
    Optional<Credentials> find(String accessKeyId);
}
