package io.opencases.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.opencases.application.port.PasswordHasher;

import java.nio.charset.StandardCharsets;

/** bcrypt (the $2a$ variant, salted per password); cost 10 takes some tens of milliseconds per check. */
public final class BcryptPasswordHasher implements PasswordHasher {
    private final int cost;

    public BcryptPasswordHasher(int cost) {
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        try {
            return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                    hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
