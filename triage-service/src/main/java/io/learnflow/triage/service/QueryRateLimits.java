package io.learnflow.triage.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.learnflow.triage.config.TriageConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * How many queries a student may send: per minute and per day (bucket4j token buckets, one per student, in this
 * triage instance). Over the limit the query is refused with 429 and a {@code Retry-After}, before anything of it is
 * stored or published.
 */
@ApplicationScoped
public class QueryRateLimits {

    private final Map<UUID, Allowance> allowances = new ConcurrentHashMap<>();
    private final TriageConfig.Limits limits;

    public QueryRateLimits(TriageConfig config) {
        this.limits = config.limits();
    }

    /** Takes one query from the student's allowance, or throws 429 saying when to try again. */
    public void takeQuery(UUID studentId) {
        Allowance allowance = allowances.computeIfAbsent(studentId, id -> new Allowance(newBucket()));
        allowance.lastUsed = Instant.now();
        ConsumptionProbe probe = allowance.bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw new WebApplicationException("too many queries: at most " + limits.queriesPerMinute()
                    + " a minute and " + limits.queriesPerDay() + " a day; try again in " + seconds + " s",
                    Response.status(429).header("Retry-After", seconds).build());
        }
    }

    /** A student idle for a day has a full allowance again: forgetting them loses nothing. */
    @Scheduled(every = "10m", delayed = "10m")
    void forgetIdleStudents() {
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        allowances.values().removeIf(allowance -> allowance.lastUsed.isBefore(dayAgo));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.queriesPerMinute())
                        .refillIntervally(limits.queriesPerMinute(), Duration.ofMinutes(1)).build())
                .addLimit(Bandwidth.builder().capacity(limits.queriesPerDay())
                        .refillIntervally(limits.queriesPerDay(), Duration.ofDays(1)).build())
                .build();
    }

    private static final class Allowance {
        final Bucket bucket;
        volatile Instant lastUsed = Instant.now();

        Allowance(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
