package io.opencases.application.port;

/** One-way password hashing with a per-password salt; the adapter chooses the algorithm and its cost. */
public interface PasswordHasher {

    String hash(String password);

    /** Whether {@code password} is the one {@code hash} was made from; false for a malformed hash. */
    boolean matches(String password, String hash);
}
