package io.learnflow.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.learnflow.feedback.Finding;
import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.feedback.Observation;
import io.learnflow.sandbox.Limit;
import io.learnflow.sandbox.ProgramResult;
import io.learnflow.sandbox.TestOutcome;
import io.learnflow.sandbox.TestStatus;
import io.learnflow.sandbox.TestSuiteResult;

/**
 * Turns a suite's outcomes into what a student sees: per failed visible test its input, expected and actual value;
 * per failed hidden test only what it checks; errors explained at the student's line in the catalogue's words.
 */
final class GradingFeedback {

    static final String TEST_TIME_BUDGET = "TEST_TIME_BUDGET";

    private final NoviceErrorCatalogue catalogue;

    GradingFeedback(NoviceErrorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    GradingReport report(GradingRequest request, TestSuiteResult result) {
        List<TestFeedback> tests = new ArrayList<>();
        int passed = 0;
        boolean timedOut = false;
        for (int i = 0; i < request.tests().size(); i++) {
            ExerciseTest test = request.tests().get(i);
            TestOutcome outcome = result.tests().get(i);
            timedOut |= outcome.status() == TestStatus.TIMED_OUT;
            if (outcome.status() == TestStatus.PASSED) {
                passed++;
                tests.add(new TestFeedback(name(test, i), true, test.hidden(), test.hidden() ? test.checks() : null,
                        null, null, null, null, null, null));
                continue;
            }
            Optional<Finding> finding = catalogue.diagnose(Observation.of(request.code(), null,
                    new TestSuiteResult(result.run(), result.loadError(), result.linesRunOnLoad(), List.of(outcome))));
            String explanation = finding.map(f -> explanation(f, test.hidden())).orElse(null);
            Integer line = finding.map(Finding::line).orElse(outcome.error() != null ? outcome.error().line() : null);
            String category = finding.map(f -> f.error().id()).orElse(null);
            if (test.hidden()) {
                tests.add(new TestFeedback(name(test, i), false, true, test.checks(), null, null, null, explanation,
                        line, category));
            } else {
                tests.add(new TestFeedback(name(test, i), false, false, null,
                        outcome.input() != null ? outcome.input() : test.statement(), outcome.expected(),
                        actual(outcome), explanation, line, category));
            }
        }
        int total = request.tests().size();
        ProgramResult run = result.run();
        String limit = run.limit() != null ? run.limit().name() : timedOut ? TEST_TIME_BUDGET : null;
        int grade = (int) Math.round(100.0 * passed / total);
        return new GradingReport(GradingVerdict.GRADED, passed, total, grade, run.wallMillis(), run.peakMemoryKb(),
                limit, summary(passed, total, limit, tests), tests, null);
    }

    private static String name(ExerciseTest test, int index) {
        return test.name() != null ? test.name() : "test " + (index + 1);
    }

    private static String actual(TestOutcome outcome) {
        if (outcome.actual() != null) {
            return outcome.actual();
        }
        if (outcome.error() != null) {
            return outcome.error().type() + (outcome.error().message() == null || outcome.error().message().isEmpty()
                    ? "" : ": " + outcome.error().message());
        }
        return null;
    }

    private static String explanation(Finding finding, boolean hidden) {
        String words = finding.error().title() + ". " + finding.error().meaning() + " " + finding.error().look();
        return hidden || finding.detail() == null ? words : words + " (" + finding.detail() + ")";
    }

    private static String summary(int passed, int total, String limit, List<TestFeedback> tests) {
        if (passed == total) {
            return "All " + total + " tests pass.";
        }
        StringBuilder text = new StringBuilder().append(passed).append(" of ").append(total).append(" tests pass.");
        if (limit != null) {
            text.append(' ').append(limitWords(limit));
        }
        tests.stream().filter(t -> !t.passed() && t.errorCategory() != null).findFirst().ifPresent(t -> text
                .append(" First problem: ").append(t.explanation().substring(0, t.explanation().indexOf('.') + 1)));
        return text.toString();
    }

    private static String limitWords(String limit) {
        if (TEST_TIME_BUDGET.equals(limit)) {
            return "A test ran out of time (an endless loop?).";
        }
        return switch (Limit.valueOf(limit)) {
            case CPU_TIME, WALL_TIME -> "The code ran out of time.";
            case MEMORY -> "The code used too much memory.";
            case OUTPUT -> "The code printed too much.";
            case PROCESSES -> "The code started too many processes or threads.";
            case FILE_SIZE, OPEN_FILES -> "The code wrote too much or opened too many files.";
        };
    }
}
