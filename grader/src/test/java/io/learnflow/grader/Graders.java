package io.learnflow.grader;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxConfig;

/** The real sandbox and grader the tests share (one per test JVM). */
final class Graders {

    static final Sandbox SANDBOX = new Sandbox(SandboxConfig.defaults().withPool(2, 400));
    static final Grader GRADER = new Grader(SANDBOX, new NoviceErrorCatalogue(),
            GraderConfig.defaults().withPerTestBudget(Duration.ofSeconds(1)));

    private Graders() {
    }

    static GradingReport grade(GradingRequest request) {
        return await(GRADER.grade(request));
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(3, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
