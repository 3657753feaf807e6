package io.learnflow.grader;

import java.util.List;

/**
 * The grade of one submission.
 *
 * @param grade           0 to 100: the share of tests passed
 * @param executionTimeMs the sandbox run's wall time
 * @param memoryUsageKb   the run's peak resident memory
 * @param limitHit        the limit that ended the code or a test ({@code CPU_TIME}, {@code MEMORY}, {@code OUTPUT},
 *                        {@code TEST_TIME_BUDGET}...), or null
 * @param feedback        a short summary for the student
 * @param undecidedReason for an UNDECIDED verdict, why
 */
public record GradingReport(GradingVerdict verdict, int testsPassed, int testsTotal, int grade, long executionTimeMs,
        long memoryUsageKb, String limitHit, String feedback, List<TestFeedback> tests, String undecidedReason) {

    public GradingReport {
        tests = List.copyOf(tests);
    }

    public boolean allPassed() {
        return verdict == GradingVerdict.GRADED && testsTotal > 0 && testsPassed == testsTotal;
    }

    static GradingReport undecided(int total, String reason) {
        return new GradingReport(GradingVerdict.UNDECIDED, 0, total, 0, 0, 0, null,
                "Your submission could not be graded right now; it will be reviewed.", List.of(), reason);
    }
}
