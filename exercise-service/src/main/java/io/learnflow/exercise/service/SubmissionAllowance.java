package io.learnflow.exercise.service;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.learnflow.exercise.config.ExerciseConfig;
import io.learnflow.support.limits.KeyedAllowances;
import io.quarkus.scheduler.Scheduled;

/**
 * How many submissions (code and quiz answers) a student may send a minute, in this instance: one token bucket per
 * student. Over the limit a submission is refused with LimitReached before anything of it is stored.
 */
@ApplicationScoped
public class SubmissionAllowance {

    private final KeyedAllowances<UUID> perStudent;
    private final String refusal;

    public SubmissionAllowance(ExerciseConfig config) {
        int perMinute = config.limits().submissionsPerMinute();
        this.perStudent = new KeyedAllowances<>(() -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1))
                        .build())
                .build(), Duration.ofMinutes(1));
        this.refusal = "too many submissions: at most " + perMinute + " a minute";
    }

    public void take(UUID studentId) {
        perStudent.takeOrRefuse(studentId, refusal);
    }

    @Scheduled(every = "5m", delayed = "5m")
    void forgetIdleStudents() {
        perStudent.forgetIdle();
    }
}
