package io.learnflow.sandbox;

import static io.learnflow.sandbox.Sandboxes.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.sandbox.TestCase.AssertTest;
import io.learnflow.sandbox.TestCase.CallTest;
import io.learnflow.sandbox.TestCase.StdioTest;

class TestSuitesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static TestSuiteResult runTests(String source, List<TestCase> tests) {
        return await(Sandboxes.SHARED.runTests(TestSuiteRequest.of(source, tests)));
    }

    @Test
    void reportsPassFailAndErrorPerTestWithExpectedAndActual() {
        String source = """
                def average(numbers):
                    return sum(numbers) / len(numbers)
                """;
        TestSuiteResult result = runTests(source, List.of(
                new AssertTest("assert average([2, 4]) == 3"),
                new AssertTest("assert average([1, 2]) == 2"),
                new AssertTest("assert average([]) == 0")));

        assertThat(result.tests()).extracting(TestOutcome::status)
                .containsExactly(TestStatus.PASSED, TestStatus.FAILED, TestStatus.ERROR);
        assertThat(result.tests().get(1).expected()).isEqualTo("2");
        assertThat(result.tests().get(1).actual()).isEqualTo("1.5");
        PythonError error = result.tests().get(2).error();
        assertThat(error.type()).isEqualTo("ZeroDivisionError");
        assertThat(error.line()).isEqualTo(2);
        assertThat(result.count(TestStatus.PASSED)).isEqualTo(1);
        assertThat(result.run().status()).isEqualTo(RunStatus.EXITED);
    }

    @Test
    void eachTestHasItsOwnTimeBudgetAndTheOthersStillRun() {
        String source = """
                def wait(n):
                    while n != 0:
                        n -= 2
                    return "done"
                """;
        TestSuiteResult result = await(Sandboxes.SHARED.runTests(new TestSuiteRequest(Map.of("solution.py", source),
                "solution.py", null, List.of(new AssertTest("assert wait(3) == 'done'"),
                        new AssertTest("assert wait(4) == 'done'")), Duration.ofMillis(500), null, true)));

        assertThat(result.tests()).extracting(TestOutcome::status)
                .containsExactly(TestStatus.TIMED_OUT, TestStatus.PASSED);
        assertThat(result.tests().get(0).error().line()).as("the looping line the budget interrupted").isIn(2, 3);
    }

    @Test
    void callAndStdioTestsCompareValuesAndOutput() throws Exception {
        String source = """
                def pair(a, b):
                    return (b, a)

                if __name__ == "__main__":
                    name = input()
                    print("Hello, " + name + "!")
                """;
        TestSuiteResult result = runTests(source, List.of(
                new CallTest("pair", JSON.readTree("[1, 2]"), JSON.readTree("[2, 1]")),
                new CallTest("pair", JSON.readTree("[1, 2]"), JSON.readTree("[1, 2]")),
                new StdioTest("Ana\n", "Hello, Ana!\n"),
                new StdioTest("Bo\n", "Hi Bo")));

        assertThat(result.tests()).extracting(TestOutcome::status)
                .containsExactly(TestStatus.PASSED, TestStatus.FAILED, TestStatus.PASSED, TestStatus.FAILED);
        assertThat(result.tests().get(3).actual()).isEqualTo("Hello, Bo!");
    }

    @Test
    void coverageShowsWhichLinesEachTestRan() {
        String source = """
                def sign(x):
                    if x > 0:
                        return "positive"
                    if x < 0:
                        return "negative"
                    return "zero"
                """;
        TestSuiteResult result = runTests(source, List.of(
                new AssertTest("assert sign(5) == 'positive'"),
                new AssertTest("assert sign(-5) == 'negative'"),
                new AssertTest("assert sign(0) == 'zero'")));

        assertThat(result.tests().get(0).coveredLines()).containsExactly(2, 3);
        assertThat(result.tests().get(1).coveredLines()).containsExactly(2, 4, 5);
        assertThat(result.tests().get(2).coveredLines()).containsExactly(2, 4, 6);
        assertThat(result.linesRunOnLoad()).contains(1);
    }

    @Test
    void codeThatDoesNotCompileFailsEveryTestWithTheSyntaxError() {
        TestSuiteResult result = runTests("def broken(:\n    return 1\n", List.of(new AssertTest("assert broken() == 1")));
        assertThat(result.loadError().type()).isEqualTo("SyntaxError");
        assertThat(result.loadError().line()).isEqualTo(1);
        assertThat(result.tests().get(0).status()).isEqualTo(TestStatus.ERROR);
    }

    @Test
    void aRunEndedByALimitMarksTheRemainingTestsNotRun() {
        String source = "def spin():\n    while True:\n        pass\n";
        SandboxLimits oneSecond = Sandboxes.SHORT.withCpuTime(Duration.ofSeconds(1));
        TestSuiteResult result = await(Sandboxes.SHARED.runTests(new TestSuiteRequest(Map.of("solution.py", source),
                "solution.py", null, List.of(new AssertTest("assert spin() == 1"), new AssertTest("assert 1 == 1")),
                Duration.ofSeconds(3), oneSecond, false)));
        assertThat(result.run().limit()).isEqualTo(Limit.CPU_TIME);
        assertThat(result.tests()).extracting(TestOutcome::status).containsOnly(TestStatus.NOT_RUN);
        assertThat(result.tests().get(0).error().message()).contains("cpu time limit");
    }

    @Test
    void programTracebackIsParsedToTheStudentsLine() {
        ProgramResult result = Sandboxes.run("def half(x):\n    return x / 0\n\nprint(half(4))\n");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.error()).isEqualTo(new PythonError("ZeroDivisionError", "division by zero", "main.py", 2));
    }

    @Test
    void unsafeLocalModeRunsWithLimitsOnly() {
        try (Sandbox unsafe = new Sandbox(SandboxConfig.defaults().withIsolation(Isolation.UNSAFE_LOCAL)
                .withLimits(Sandboxes.SHORT))) {
            ProgramResult greeting = await(unsafe.run(ProgramRequest.of("print('hi ' + input())").withStdin("Ana\n")));
            assertThat(greeting.stdout()).isEqualTo("hi Ana\n");
            ProgramResult spin = await(unsafe.run(ProgramRequest.of("while True:\n    pass")));
            assertThat(spin.limit()).isEqualTo(Limit.CPU_TIME);
        }
    }
}
