package io.learnflow.exercise.service;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.exercise.config.ExerciseConfig;
import io.learnflow.exercise.model.Exercise;
import io.learnflow.exercise.model.ExerciseJson;
import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.grader.ExerciseTest;
import io.learnflow.grader.Grader;
import io.learnflow.grader.GraderConfig;
import io.learnflow.grader.GradingReport;
import io.learnflow.grader.GradingRequest;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxConfig;
import io.learnflow.sandbox.SandboxMeters;
import io.learnflow.sandbox.SandboxUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The service's sandbox and the grader that runs in it. Without bubblewrap (or Python) the service still starts: a
 * submission then goes to manual review, and a teacher's new exercise cannot be checked.
 */
@ApplicationScoped
public class ExerciseGrader {

    private static final Logger LOG = Logger.getLogger(ExerciseGrader.class);

    private final Sandbox sandbox;
    private final Grader grader;
    private final String unavailable;

    public ExerciseGrader(ExerciseConfig config, MeterRegistry metrics) {
        ExerciseConfig.Sandbox settings = config.sandbox();
        Sandbox started = null;
        String reason = null;
        try {
            SandboxConfig defaults = SandboxConfig.defaults();
            started = new Sandbox(new SandboxConfig(settings.isolation(), defaults.limits(), settings.gradingsAtOnce(),
                    settings.gradingsWaiting(), defaults.python(), defaults.bubblewrap(), settings.firstUid()));
        } catch (SandboxUnavailableException e) {
            reason = e.getMessage();
            LOG.warnf("submissions cannot be graded and will wait for manual review: %s", reason);
        }
        this.sandbox = started;
        this.unavailable = reason;
        if (started != null) {
            SandboxMeters.bind(started, metrics, "grading");
        }
        this.grader = started == null ? null : new Grader(started, new NoviceErrorCatalogue(), GraderConfig.defaults()
                .withPerTestBudget(config.grading().perTestBudget())
                .withBusyDeadline(config.grading().busyDeadline()));
    }

    /** Grades the code against every test of the exercise, visible and hidden; completes on the caller's context. */
    public Uni<GradingReport> grade(Exercise exercise, String code) {
        return grade(code, exercise.testSetupCode, ExerciseJson.tests(exercise).stream()
                .map(test -> new ExerciseTest(test.name(), test.statement(), test.hidden(), test.checks())).toList());
    }

    public Uni<GradingReport> grade(String code, String testSetupCode, List<ExerciseTest> tests) {
        if (grader == null) {
            return Uni.createFrom().failure(new SandboxUnavailableException(unavailable));
        }
        Context caller = Vertx.currentContext();
        Uni<GradingReport> report = Uni.createFrom()
                .completionStage(() -> grader.grade(new GradingRequest(code, testSetupCode, tests)));
        return caller == null ? report : report.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    public Optional<String> unavailableBecause() {
        return Optional.ofNullable(unavailable);
    }

    @PreDestroy
    void close() {
        if (grader != null) {
            grader.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
