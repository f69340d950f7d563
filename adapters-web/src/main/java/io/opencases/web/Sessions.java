package io.opencases.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in agents by session id. Ids and CSRF tokens are 256-bit random values; a session ends at sign-out or
 * after {@link #IDLE} without a request. Sessions live in this instance's memory (see docs/workspace.md).
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, String agentName, String csrfToken) {
    }

    private record Entry(Session session, Instant lastSeen) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session create(String agentName) {
        var session = new Session(randomToken(), agentName, randomToken());
        sessions.put(session.id(), new Entry(session, clock.instant()));
        if (sessions.size() % 64 == 0) {
            expire();
        }
        return session;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = sessions.computeIfPresent(id, (k, e) -> e.lastSeen().plus(IDLE).isBefore(now) ? null
                : new Entry(e.session(), now));
        return Optional.ofNullable(entry).map(Entry::session);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of the agent (disabled, or their password was reset). */
    void endAllOf(String agentName) {
        sessions.values().removeIf(e -> e.session().agentName().equals(agentName));
    }

    private void expire() {
        Instant now = clock.instant();
        sessions.values().removeIf(e -> e.lastSeen().plus(IDLE).isBefore(now));
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
