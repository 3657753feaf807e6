package io.learnflow.llm.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What each model server said about rate limits: when it last answered 429 and how long it asked not to be called
 * ({@code Retry-After}). A server's state, shared by every call to it, so that no call of this service knocks again
 * before the server said it would listen.
 */
@ApplicationScoped
public class ServerBackoff {

    private record Limit(Instant heardAt, Instant notBefore) {
    }

    private final Map<String, Limit> limits = new ConcurrentHashMap<>();

    void heard(String server, Duration wait) {
        Instant now = Instant.now();
        Limit heard = new Limit(now, now.plus(wait));
        limits.merge(server, heard, (known, latest) -> new Limit(latest.heardAt(),
                latest.notBefore().isAfter(known.notBefore()) ? latest.notBefore() : known.notBefore()));
    }

    /** How long to wait before calling the server again; zero when it asked for nothing (or the time has passed). */
    public Duration remaining(String server, Instant now) {
        Limit limit = limits.get(server);
        return limit == null || !limit.notBefore().isAfter(now) ? Duration.ZERO
                : Duration.between(now, limit.notBefore());
    }

    /** Whether the server answered 429 at or after the instant given. */
    public boolean limitedSince(String server, Instant since) {
        Limit limit = limits.get(server);
        return limit != null && !limit.heardAt().isBefore(since);
    }
}
