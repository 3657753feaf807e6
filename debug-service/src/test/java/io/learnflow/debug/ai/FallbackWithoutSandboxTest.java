package io.learnflow.debug.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.learnflow.debug.config.DebugConfig;
import io.learnflow.debug.health.SandboxReadiness;
import io.learnflow.debug.service.DebugSandbox;
import io.learnflow.debug.service.SpectrumFormula;
import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.RoutingDecision;
import io.learnflow.sandbox.Isolation;
import io.learnflow.specialist.ai.TutorAnswer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Without bubblewrap the service still answers: it reads the pasted traceback and says it could not run the code. */
class FallbackWithoutSandboxTest {

    static DebugConfig withBubblewrapAt(Path bubblewrap) {
        DebugConfig.SandboxSettings sandbox = new DebugConfig.SandboxSettings() {
            public Isolation isolation() {
                return Isolation.BUBBLEWRAP;
            }

            public Path bubblewrap() {
                return bubblewrap;
            }

            public Path python() {
                return Path.of("/usr/bin/python3");
            }

            public int poolSize() {
                return 1;
            }

            public int queueCapacity() {
                return 1;
            }
        };
        DebugConfig.Analysis analysis = new DebugConfig.Analysis() {
            public Duration programTime() {
                return Duration.ofSeconds(3);
            }

            public Duration perTestBudget() {
                return Duration.ofMillis(500);
            }

            public Duration suiteTime() {
                return Duration.ofSeconds(2);
            }

            public SpectrumFormula formula() {
                return SpectrumFormula.OCHIAI;
            }

            public int linesToMutate() {
                return 5;
            }

            public int maxMutants() {
                return 160;
            }

            public Duration mutationTime() {
                return Duration.ofMillis(1500);
            }
        };
        return new DebugConfig() {
            public SandboxSettings sandbox() {
                return sandbox;
            }

            public Analysis analysis() {
                return analysis;
            }
        };
    }

    final DebugSandbox noSandbox = new DebugSandbox(withBubblewrapAt(Path.of("/nonexistent/bwrap")),
            new NoviceErrorCatalogue(), new SimpleMeterRegistry());
    final OfflineDebugTutor tutor = new OfflineDebugTutor(noSandbox, null, new NoviceErrorCatalogue());

    static QueryRouted query(String text, String code, String errorText) {
        return new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), text, code,
                errorText, null, null, null, new RoutingDecision(QueryType.DEBUG, 0.9, "reports an error", "rules-v1"),
                1);
    }

    @Test
    void theTutorReadsTheTracebackAndSaysItCouldNotRunTheCode() {
        String code = "name = input('Name? ')\nprint('Hello ' + nmae)";
        String error = "Traceback (most recent call last):\n  File \"hello.py\", line 2, in <module>\n"
                + "NameError: name 'nmae' is not defined";

        TutorAnswer answer = tutor.answer(query("why does this fail", code, error)).await().indefinitely();

        assertThat(answer.content()).contains("I could not run your code this time").contains("bubblewrap")
                .contains("NameError").contains("line 2").contains("print('Hello ' + nmae)")
                .contains("`nmae` is never given a value, but your code has `name`");
        assertThat(answer.module()).isEqualTo(LearningModule.VARIABLES);
        assertThat(noSandbox.analysesStarted()).isZero();
    }

    @Test
    void withoutATracebackItAsksForOneAndStillAnswers() {
        TutorAnswer answer = tutor.answer(query("my function gives None instead of the sum",
                "def add(a, b):\n    print(a + b)", null)).await().indefinitely();

        assertThat(answer.content()).contains("could not run your code").contains("return");
        assertThat(answer.successful()).isFalse();
    }

    @Test
    void readinessReportsTheSandboxAsDegraded() {
        HealthCheckResponse health = new SandboxReadiness(noSandbox).call();

        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(health.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("sandbox", "degraded").containsKey("reason"));
    }
}
