package io.learnflow.grader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.sandbox.RunStatus;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.TestOutcome;
import io.learnflow.sandbox.GradingSuiteRequest;
import io.learnflow.sandbox.TestSuiteResult;

/**
 * Grades submissions in the sandbox: every test of the exercise against the student's code, a grade from the tests
 * that passed, and feedback a student may see. A busy sandbox is asked again until the deadline; past it, or when
 * the sandbox cannot run at all, the grading is UNDECIDED (a person reviews it) rather than a made-up grade.
 */
public final class Grader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Grader.class);

    private final Sandbox sandbox;
    private final GraderConfig config;
    private final GradingFeedback feedback;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "grader-retry");
        thread.setDaemon(true);
        return thread;
    });

    public Grader(Sandbox sandbox, NoviceErrorCatalogue catalogue) {
        this(sandbox, catalogue, GraderConfig.defaults());
    }

    public Grader(Sandbox sandbox, NoviceErrorCatalogue catalogue, GraderConfig config) {
        this.sandbox = sandbox;
        this.config = config;
        this.feedback = new GradingFeedback(catalogue);
    }

    public CompletableFuture<GradingReport> grade(GradingRequest request) {
        List<Integer> order = visibleFirst(request.tests());
        GradingSuiteRequest suite = new GradingSuiteRequest(request.code(), request.testSetupCode(),
                order.stream().map(i -> request.tests().get(i).statement()).toList(), config.perTestBudget(), null);
        CompletableFuture<GradingReport> report = new CompletableFuture<>();
        attempt(request, suite, order, System.nanoTime() + config.busyDeadline().toNanos(), config.busyRetryDelay(),
                report);
        return report;
    }

    /**
     * The visible tests run before the hidden ones: the student's code answers test after test in one process, so
     * nothing it saw of a hidden test's input can come back in a visible test's feedback.
     */
    private static List<Integer> visibleFirst(List<ExerciseTest> tests) {
        List<Integer> order = new ArrayList<>();
        for (boolean hidden : new boolean[] {false, true}) {
            for (int i = 0; i < tests.size(); i++) {
                if (tests.get(i).hidden() == hidden) {
                    order.add(i);
                }
            }
        }
        return order;
    }

    private static TestSuiteResult inRequestOrder(TestSuiteResult result, List<Integer> order) {
        TestOutcome[] outcomes = new TestOutcome[order.size()];
        for (int position = 0; position < order.size(); position++) {
            outcomes[order.get(position)] = result.tests().get(position);
        }
        return new TestSuiteResult(result.run(), result.loadError(), result.linesRunOnLoad(), List.of(outcomes));
    }

    private void attempt(GradingRequest request, GradingSuiteRequest suite, List<Integer> order, long deadline,
            Duration delay, CompletableFuture<GradingReport> report) {
        sandbox.grade(suite).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warnf("a grading could not run in the sandbox: %s", failure.toString());
                report.complete(GradingReport.undecided(request.tests().size(), "the sandbox failed: " + failure));
                return;
            }
            RunStatus status = result.run().status();
            if (status == RunStatus.BUSY && System.nanoTime() + delay.toNanos() < deadline) {
                Duration next = delay.multipliedBy(2).compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1)
                        : delay.multipliedBy(2);
                retries.schedule(() -> attempt(request, suite, order, deadline, next, report), delay.toMillis(),
                        TimeUnit.MILLISECONDS);
                return;
            }
            if (status == RunStatus.BUSY || status == RunStatus.SANDBOX_ERROR) {
                report.complete(GradingReport.undecided(request.tests().size(), result.run().message()));
                return;
            }
            try {
                report.complete(feedback.report(request, inRequestOrder(result, order)));
            } catch (RuntimeException e) {
                report.completeExceptionally(e);
            }
        });
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
