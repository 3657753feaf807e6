package io.learnflow.triage.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.github.bucket4j.Bucket;

/**
 * One bucket4j token bucket per key (a student, an email), in this triage instance, and the 429 that refuses a
 * request when a key's bucket is empty. A key not used for longer than its buckets take to refill is forgotten.
 */
public final class KeyedAllowances<K> {

    private final Map<K, Allowance> allowances = new ConcurrentHashMap<>();
    private final Supplier<Bucket> newBucket;
    private final Duration refillTime;

    public KeyedAllowances(Supplier<Bucket> newBucket, Duration refillTime) {
        this.newBucket = newBucket;
        this.refillTime = refillTime;
    }

    /** Takes one token from the key's bucket; false if it had none. */
    public boolean take(K key) {
        return bucketOf(key).tryConsume(1);
    }

    /** Throws 429 with {@code Retry-After} if the key's bucket is empty; takes nothing. */
    public void requireAvailable(K key, String refusal) {
        Allowance allowance = allowances.get(key);
        if (allowance != null && allowance.bucket.getAvailableTokens() <= 0) {
            throw tooMany(refusal, allowance.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
    }

    /** Takes one token from the key's bucket, or throws 429 with {@code Retry-After}. */
    public void takeOrRefuse(K key, String refusal) {
        var probe = bucketOf(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(refusal, probe.getNanosToWaitForRefill());
        }
    }

    /** Forgets the keys idle for a whole refill time: their buckets are full again, so nothing is lost. */
    public void forgetIdle() {
        Instant refilledSince = Instant.now().minus(refillTime);
        allowances.values().removeIf(allowance -> allowance.lastUsed.isBefore(refilledSince));
    }

    private Bucket bucketOf(K key) {
        Allowance allowance = allowances.computeIfAbsent(key, k -> new Allowance(newBucket.get()));
        allowance.lastUsed = Instant.now();
        return allowance.bucket;
    }

    private static WebApplicationException tooMany(String refusal, long nanosToWait) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanosToWait) + 1;
        return new WebApplicationException(refusal + "; try again in " + seconds + " s",
                Response.status(429).header("Retry-After", seconds).build());
    }

    private static final class Allowance {
        final Bucket bucket;
        volatile Instant lastUsed = Instant.now();

        Allowance(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
