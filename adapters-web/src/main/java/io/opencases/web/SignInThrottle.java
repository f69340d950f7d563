package io.opencases.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #FREE_FAILURES} failed sign-ins for a user name (or
 * {@link #FREE_ADDRESS_FAILURES} from one client address, which may be a proxy many agents share), each further
 * attempt must wait, twice as long after every failure, up to {@link #MAX_WAIT}. A success
 * clears the name's record. Attempts that must wait are refused without checking the password.
 */
final class SignInThrottle {
    static final int FREE_FAILURES = 3;
    static final int FREE_ADDRESS_FAILURES = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the attempt must still wait; zero when it may go ahead. */
    Duration waitFor(String name, String address) {
        Duration byName = waitFor(nameKey(name), FREE_FAILURES);
        Duration byAddress = waitFor(addressKey(address), FREE_ADDRESS_FAILURES);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        for (String key : new String[]{nameKey(name), addressKey(address)}) {
            failures.merge(key, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        }
        if (failures.size() > 100_000) {
            failures.values().removeIf(f -> f.last().plus(MAX_WAIT).isBefore(now));
        }
    }

    void succeeded(String name) {
        failures.remove(nameKey(name));
    }

    private Duration waitFor(String key, int free) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free) {
            return Duration.ZERO;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(20, f.count() - free));
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        Duration left = Duration.between(clock.instant(), f.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
