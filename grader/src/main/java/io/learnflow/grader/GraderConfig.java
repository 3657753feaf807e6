package io.learnflow.grader;

import java.time.Duration;

/**
 * @param perTestBudget  the CPU time each test may take (an endless loop ends there; one that waits, at five times it
 *                       of wall time); after a test runs out of it, each later test gets a tenth
 * @param busyDeadline   how long a grading waits for a busy sandbox before it is UNDECIDED
 * @param busyRetryDelay the first wait before asking a busy sandbox again (doubles each time, up to a second)
 */
public record GraderConfig(Duration perTestBudget, Duration busyDeadline, Duration busyRetryDelay) {

    public static GraderConfig defaults() {
        return new GraderConfig(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMillis(50));
    }

    public GraderConfig withPerTestBudget(Duration budget) {
        return new GraderConfig(budget, busyDeadline, busyRetryDelay);
    }

    public GraderConfig withBusyDeadline(Duration deadline) {
        return new GraderConfig(perTestBudget, deadline, busyRetryDelay);
    }
}
