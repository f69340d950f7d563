package io.opencases.domain.agent;

import io.opencases.domain.DomainException;
import io.opencases.domain.Require;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A person who works cases in the workspace. The name signs in (unique on the server), the password is kept only as
 * a hash, and {@code userArn} is the user ARN of the account that every write of theirs carries as performedBy.
 */
public record Agent(String accountId, String name, String passwordHash, AgentRole role, String userArn,
                    boolean disabled, Instant createdTime) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    /** Shorter passwords are refused; bcrypt reads at most 72 bytes, so longer ones would be silently cut. */
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 72;

    public Agent {
        Require.nonNull(accountId, "accountId");
        Require.nonNull(passwordHash, "passwordHash");
        Require.nonNull(role, "role");
        Require.nonBlank(userArn, "userArn");
        Require.nonNull(createdTime, "createdTime");
        requireValidName(name);
    }

    public static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw DomainException.invalid("name: 1 to 64 letters, digits or . _ @ - (starting with a letter or "
                    + "digit).");
        }
    }

    public static void requireValidPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD) {
            throw DomainException.invalid("password: %d to %d characters.", MIN_PASSWORD, MAX_PASSWORD);
        }
    }

    public boolean isAdmin() {
        return role == AgentRole.admin;
    }

    public Agent withDisabled(boolean newDisabled) {
        return new Agent(accountId, name, passwordHash, role, userArn, newDisabled, createdTime);
    }

    public Agent withPasswordHash(String newHash) {
        return new Agent(accountId, name, newHash, role, userArn, disabled, createdTime);
    }
}
