package io.learnflow.triage.service;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.learnflow.support.limits.KeyedAllowances;
import io.learnflow.triage.config.TriageConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * How many queries a student may send: per minute and per day (one token bucket per student, in this triage
 * instance). Over the limit the query is refused with {@code LimitReached}, before anything of it is
 * stored or published.
 */
@ApplicationScoped
public class QueryRateLimits {

    private final KeyedAllowances<UUID> allowances;
    private final String refusal;

    public QueryRateLimits(TriageConfig config) {
        TriageConfig.Limits limits = config.limits();
        this.allowances = new KeyedAllowances<>(() -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.queriesPerMinute())
                        .refillIntervally(limits.queriesPerMinute(), Duration.ofMinutes(1)).build())
                .addLimit(Bandwidth.builder().capacity(limits.queriesPerDay())
                        .refillIntervally(limits.queriesPerDay(), Duration.ofDays(1)).build())
                .build(), Duration.ofDays(1));
        this.refusal = "too many queries: at most " + limits.queriesPerMinute() + " a minute and "
                + limits.queriesPerDay() + " a day";
    }

    /** Takes one query from the student's allowance, or fails with LimitReached saying when to try again. */
    public void takeQuery(UUID studentId) {
        allowances.takeOrRefuse(studentId, refusal);
    }

    @Scheduled(every = "10m", delayed = "10m")
    void forgetIdleStudents() {
        allowances.forgetIdle();
    }
}
