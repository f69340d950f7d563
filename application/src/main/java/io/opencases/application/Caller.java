package io.opencases.application;

import java.util.Objects;

/**
 * Who makes a request: the account the verified access key belongs to (which owns every resource it touches) and
 * the principal ARN recorded in audit history.
 */
public record Caller(String accountId, String principalArn) {
    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(principalArn, "principalArn");
    }

    public static Caller ofAccount(String accountId) {
        return new Caller(accountId, "arn:aws:iam::" + accountId + ":root");
    }
}
