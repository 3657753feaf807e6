package io.learnflow.grader;

import static io.learnflow.grader.Graders.grade;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxConfig;

class GraderTest {

    static final List<ExerciseTest> ADD_TESTS = List.of(
            ExerciseTest.visible("small numbers", "assert add(2, 3) == 5"),
            ExerciseTest.visible("zero", "assert add(0, 0) == 0"),
            ExerciseTest.hidden("negatives", "assert add(-4, -6) == -10", "negative numbers"));

    @Test
    void aCorrectSolutionGetsFullMarks() {
        GradingReport report = grade(new GradingRequest("def add(a, b):\n    return a + b\n", null, ADD_TESTS));

        assertThat(report.verdict()).isEqualTo(GradingVerdict.GRADED);
        assertThat(report.testsPassed()).isEqualTo(3);
        assertThat(report.grade()).isEqualTo(100);
        assertThat(report.limitHit()).isNull();
        assertThat(report.feedback()).contains("All 3 tests pass");
        assertThat(report.tests()).allMatch(TestFeedback::passed);
    }

    @Test
    void aWrongVisibleTestShowsItsInputExpectedAndActualValue() {
        GradingReport report = grade(new GradingRequest("def add(a, b):\n    return a - b\n", null, ADD_TESTS));

        assertThat(report.testsPassed()).isEqualTo(1);
        assertThat(report.grade()).isEqualTo(33);
        TestFeedback first = report.tests().get(0);
        assertThat(first.passed()).isFalse();
        assertThat(first.input()).contains("add(2, 3)");
        assertThat(first.expected()).isEqualTo("5");
        assertThat(first.actual()).isEqualTo("-1");
        assertThat(first.errorCategory()).isEqualTo("wrong-result");
    }

    @Test
    void aFailedHiddenTestShowsOnlyWhatItChecks() {
        GradingReport report = grade(new GradingRequest("def add(a, b):\n    return abs(a) + abs(b)\n", null,
                ADD_TESTS));

        TestFeedback hidden = report.tests().get(2);
        assertThat(hidden.passed()).isFalse();
        assertThat(hidden.checks()).isEqualTo("negative numbers");
        assertThat(hidden.input()).isNull();
        assertThat(hidden.expected()).isNull();
        assertThat(hidden.actual()).isNull();
        assertThat(report.toString()).doesNotContain("-10").doesNotContain("add(-4");
    }

    @Test
    void anErrorIsExplainedAtTheStudentsLineInTheCataloguesWords() {
        GradingReport report = grade(new GradingRequest("def add(a, b):\n    total = a + b\n    return totl\n",
                null, ADD_TESTS));

        TestFeedback first = report.tests().get(0);
        assertThat(first.passed()).isFalse();
        assertThat(first.studentLine()).isEqualTo(3);
        assertThat(first.errorCategory()).isEqualTo("name-typo");
        assertThat(first.explanation()).isNotBlank();
        assertThat(report.grade()).isZero();
    }

    @Test
    void anEndlessLoopIsGradedZeroByTheTestTimeBudget() {
        GradingReport report = grade(new GradingRequest("def add(a, b):\n    while True:\n        pass\n", null,
                ADD_TESTS));

        assertThat(report.verdict()).isEqualTo(GradingVerdict.GRADED);
        assertThat(report.grade()).isZero();
        assertThat(report.limitHit()).isNotNull();
    }

    @Test
    void codeThatDoesNotParseFailsEveryTestWithTheSyntaxExplained() {
        GradingReport report = grade(new GradingRequest("def add(a, b)\n    return a + b\n", null, ADD_TESTS));

        assertThat(report.grade()).isZero();
        assertThat(report.tests()).allMatch(t -> !t.passed());
        assertThat(report.tests().get(0).errorCategory()).isEqualTo("missing-colon");
    }

    @Test
    void theSetupCodeRunsBeforeTheTests() {
        GradingReport report = grade(new GradingRequest("def area(s):\n    return s.side ** 2\n",
                "class Square:\n    def __init__(self, side):\n        self.side = side\n",
                List.of(ExerciseTest.visible("square", "assert area(Square(3)) == 9"))));

        assertThat(report.grade()).isEqualTo(100);
    }

    @Test
    void nothingTheCodeSawOfAHiddenTestComesBackInAVisibleTestsFeedback() {
        String code = "seen = []\ndef add(a, b):\n    seen.append((a, b))\n    raise ValueError(str(seen))\n";
        List<ExerciseTest> hiddenFirst = List.of(ExerciseTest.hidden("big", "assert add(4000, 242) == 4242", "large"),
                ExerciseTest.visible("small", "assert add(1, 1) == 2"));

        GradingReport report = grade(new GradingRequest(code, null, hiddenFirst));

        assertThat(report.tests().get(1).actual()).contains("(1, 1)");
        assertThat(report.toString()).doesNotContain("4000").doesNotContain("4242");
    }

    @Test
    void codeLongerThanTheSubmissionLimitIsStillGraded() {
        String code = "# " + "x".repeat(30_000) + "\ndef add(a, b):\n    return a + b\n";

        GradingReport report = grade(new GradingRequest(code, null, ADD_TESTS));

        assertThat(report.grade()).isEqualTo(100);
    }

    @Test
    void aSandboxBusyPastTheDeadlineLeavesTheGradingUndecided() throws Exception {
        try (Sandbox small = new Sandbox(SandboxConfig.defaults().withPool(1, 1));
                Grader impatient = new Grader(small, new NoviceErrorCatalogue(), GraderConfig.defaults()
                        .withPerTestBudget(Duration.ofSeconds(1)).withBusyDeadline(Duration.ofMillis(300)))) {
            GradingRequest slow = new GradingRequest("import time\ndef add(a, b):\n    time.sleep(30)\n", null,
                    List.of(ExerciseTest.visible("waits", "assert add(1, 1) == 2")));
            CompletableFuture<GradingReport> running = impatient.grade(slow);
            CompletableFuture<GradingReport> waiting = impatient.grade(slow);

            GradingReport refused = Graders.await(impatient.grade(slow));

            assertThat(refused.verdict()).isEqualTo(GradingVerdict.UNDECIDED);
            assertThat(refused.undecidedReason()).contains("busy");
            assertThat(Graders.await(running).verdict()).isEqualTo(GradingVerdict.GRADED);
            assertThat(Graders.await(waiting).grade()).isZero();
        }
    }
}
