package io.learnflow.exercise.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.learnflow.exercise.config.ExerciseConfig;
import io.learnflow.support.domain.LimitReached;
import io.quarkus.scheduler.Scheduled;

/**
 * How many submissions (code and quiz answers) a student may send a minute, in this instance: one token bucket per
 * student. Over the limit a submission is refused with LimitReached before anything of it is stored.
 */
@ApplicationScoped
public class SubmissionAllowance {

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUsed = new ConcurrentHashMap<>();
    private final int perMinute;

    public SubmissionAllowance(ExerciseConfig config) {
        this.perMinute = config.limits().submissionsPerMinute();
    }

    public void take(UUID studentId) {
        lastUsed.put(studentId, Instant.now());
        var probe = buckets.computeIfAbsent(studentId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1))
                        .build())
                .build()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new LimitReached("too many submissions: at most " + perMinute + " a minute",
                    Duration.ofSeconds(TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
        }
    }

    @Scheduled(every = "5m", delayed = "5m")
    void forgetIdleStudents() {
        Instant refilled = Instant.now().minus(Duration.ofMinutes(1));
        lastUsed.entrySet().removeIf(entry -> {
            boolean idle = entry.getValue().isBefore(refilled);
            if (idle) {
                buckets.remove(entry.getKey());
            }
            return idle;
        });
    }
}
