package io.learnflow.triage.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.learnflow.triage.config.TriageConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Slows down guessing: each failed sign-in takes one of an account's allowed failures (per email, whether or not the
 * account exists, so that the answers do not tell which emails have accounts); with none left, sign-in is refused
 * with 429 and a {@code Retry-After} until the allowance refills.
 */
@ApplicationScoped
public class SignInThrottle {

    private final Map<String, Allowance> failures = new ConcurrentHashMap<>();
    private final TriageConfig.SignIn settings;

    public SignInThrottle(TriageConfig config) {
        this.settings = config.signIn();
    }

    /** Throws 429 if the email has used up its failed sign-ins. */
    public void checkAllowed(String email) {
        Allowance allowance = failures.get(key(email));
        if (allowance != null && allowance.bucket.getAvailableTokens() <= 0) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(allowance.bucket.estimateAbilityToConsume(1)
                    .getNanosToWaitForRefill()) + 1;
            throw new WebApplicationException("too many failed sign-ins for this email; try again in " + seconds + " s",
                    Response.status(429).header("Retry-After", seconds).build());
        }
    }

    public void failed(String email) {
        Allowance allowance = failures.computeIfAbsent(key(email), k -> new Allowance(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.maxFailures())
                        .refillIntervally(settings.maxFailures(), settings.failureWindow()).build())
                .build()));
        allowance.lastFailed = Instant.now();
        allowance.bucket.tryConsume(1);
    }

    /** After a full window without failures an allowance is whole again: forgetting it loses nothing. */
    @Scheduled(every = "10m", delayed = "10m")
    void forgetOldFailures() {
        Instant windowAgo = Instant.now().minus(settings.failureWindow());
        failures.values().removeIf(allowance -> allowance.lastFailed.isBefore(windowAgo));
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static final class Allowance {
        final Bucket bucket;
        volatile Instant lastFailed = Instant.now();

        Allowance(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
