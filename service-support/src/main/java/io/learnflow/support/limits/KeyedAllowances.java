package io.learnflow.support.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.learnflow.support.domain.LimitReached;

/**
 * One bucket4j token bucket per key (a student, an email), in this service instance, and the LimitReached that
 * refuses a request when a key's bucket is empty. A key not used for longer than its buckets take to refill is
 * forgotten.
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

    /** Fails with LimitReached, saying when to try again, if the key's bucket is empty; takes nothing. */
    public void requireAvailable(K key, String refusal) {
        Allowance allowance = allowances.get(key);
        if (allowance != null && allowance.bucket.getAvailableTokens() <= 0) {
            throw tooMany(refusal, allowance.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
    }

    /** Takes one token from the key's bucket, or fails with LimitReached saying when to try again. */
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

    private static LimitReached tooMany(String refusal, long nanosToWait) {
        return new LimitReached(refusal, Duration.ofSeconds(TimeUnit.NANOSECONDS.toSeconds(nanosToWait) + 1));
    }

    private static final class Allowance {
        final Bucket bucket;
        volatile Instant lastUsed = Instant.now();

        Allowance(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
