package io.learnflow.sandbox;

import static io.learnflow.sandbox.Sandboxes.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Grading runs: the tests evaluated by the trusted supervisor, the student's code answering from its own process. */
class GradingTest {

    static final Pattern CALL = Pattern.compile("([A-Za-z_]\\w*)\\s*\\(");

    static TestSuiteResult grade(String code, String... statements) {
        return await(Sandboxes.SHARED.grade(new GradingSuiteRequest(code, null, List.of(statements),
                Duration.ofSeconds(1), null)));
    }

    static GradingSuiteRequest mbpp(JsonNode problem, String code) {
        List<String> tests = new ArrayList<>();
        problem.path("test_list").forEach(t -> tests.add(t.asText()));
        return new GradingSuiteRequest(code, problem.path("test_setup_code").asText(""), tests,
                Duration.ofSeconds(5), null);
    }

    @Test
    void everyMbppReferenceSolutionPassesWhenGradedAndABrokenOneFails() throws IOException {
        RealProgramsTest.assertEveryReferencePassesAndEveryBrokenOneFails(GradingTest::functionUnderTest,
                (problem, code) -> Sandboxes.SHARED.grade(mbpp(problem, code)));
    }

    /** The first function the test calls that the reference solution defines (not a builtin such as int). */
    static String functionUnderTest(String test, String code) {
        Matcher call = CALL.matcher(test);
        while (call.find()) {
            if (Pattern.compile("def\\s+" + call.group(1) + "\\s*\\(").matcher(code).find()) {
                return call.group(1);
            }
        }
        return null;
    }

    @Test
    void aWrongValueReportsTheCallExpectedAndActual() {
        TestSuiteResult result = grade("def add(a, b):\n    return a - b\n", "assert add(2, 3) == 5");

        TestOutcome outcome = result.tests().get(0);
        assertThat(outcome.status()).isEqualTo(TestStatus.FAILED);
        assertThat(outcome.input()).isEqualTo("add(2, 3)");
        assertThat(outcome.expected()).isEqualTo("5");
        assertThat(outcome.actual()).isEqualTo("-1");
    }

    @Test
    void plainValuesCrossWithTheirTypes() {
        TestSuiteResult result = grade("""
                from collections import Counter, OrderedDict, deque, namedtuple
                Point = namedtuple('Point', 'x y')
                def values():
                    return [1, 2.5, 'a', b'b', (1, 2), {3}, frozenset({4}), {'k': [None, True]}, 1 + 2j, 10 ** 30]
                def squares(n):
                    return (i * i for i in range(n))
                def counts(text):
                    return Counter(text)
                def point():
                    return Point(1, 2)
                def window():
                    return deque([1, 2])
                """,
                "assert values() == [1, 2.5, 'a', b'b', (1, 2), {3}, frozenset({4}), {'k': [None, True]}, 1 + 2j, 10 ** 30]",
                "assert list(squares(4)) == [0, 1, 4, 9]",
                "assert squares(2) != [0, 1]",
                "assert counts('abca') == {'a': 2, 'b': 1, 'c': 1}",
                "assert point() == (1, 2)",
                "assert window() == __import__('collections').deque([1, 2])",
                "assert values()[1] == 2.5 and type(values()[0]) is int");

        assertThat(result.tests()).extracting(TestOutcome::status).containsOnly(TestStatus.PASSED);
    }

    @Test
    void aListTheStudentsFunctionChangesIsChangedForTheTest() {
        TestSuiteResult result = grade("def double_all(xs):\n    for i in range(len(xs)):\n        xs[i] *= 2\n",
                "xs = [1, 2]\ndouble_all(xs)\nassert xs == [2, 4]");

        assertThat(result.tests().get(0).status()).isEqualTo(TestStatus.PASSED);
    }

    @Test
    void aTestsLambdaIsPassedToTheStudentsFunction() {
        TestSuiteResult result = grade("def apply(f, xs):\n    return [f(x) for x in xs]\n",
                "assert apply(lambda x: x * 10, [1, 2]) == [10, 20]");

        assertThat(result.tests().get(0).status()).isEqualTo(TestStatus.PASSED);
        assertThat(result.tests().get(0).input()).isEqualTo("apply(lambda x: x * 10, [1, 2])");
    }

    @Test
    void theSetupCodeRunsOnTheStudentsSideAndItsObjectsStayThere() {
        TestSuiteResult result = await(Sandboxes.SHARED.grade(new GradingSuiteRequest(
                "def depth(node):\n    return 0 if node is None else 1 + max(depth(node.left), depth(node.right))\n",
                "class Node:\n    def __init__(self, v):\n        self.left = self.right = None\n"
                        + "root = Node(1)\nroot.left = Node(2)\n",
                List.of("assert depth(root) == 2", "assert depth(Node(5)) == 1", "assert root.left.left is None"),
                Duration.ofSeconds(1), null)));

        assertThat(result.tests()).extracting(TestOutcome::status).containsOnly(TestStatus.PASSED);
    }

    @Test
    void anErrorIsReportedAtTheStudentsLine() {
        TestSuiteResult result = grade("def first(xs):\n    return xs[0]\n", "assert first([]) == None");

        TestOutcome outcome = result.tests().get(0);
        assertThat(outcome.status()).isEqualTo(TestStatus.ERROR);
        assertThat(outcome.error().type()).isEqualTo("IndexError");
        assertThat(outcome.error().line()).isEqualTo(2);
    }

    @Test
    void codeThatDoesNotCompileFailsEveryTestWithItsLine() {
        TestSuiteResult result = grade("def f(:\n    pass\n", "assert f() is None", "assert f() is None");

        assertThat(result.tests()).extracting(TestOutcome::status).containsOnly(TestStatus.ERROR);
        assertThat(result.tests().get(1).error().type()).isEqualTo("SyntaxError");
        assertThat(result.tests().get(1).error().line()).isEqualTo(1);
    }

    @Test
    void aMissingFunctionIsANameError() {
        TestSuiteResult result = grade("def ad(a, b):\n    return a + b\n", "assert add(1, 2) == 3");

        assertThat(result.tests().get(0).status()).isEqualTo(TestStatus.ERROR);
        assertThat(result.tests().get(0).error().type()).isEqualTo("NameError");
    }

    @Test
    void anEndlessLoopEndsByItsBudgetAtTheLineItWasLoopingOn() {
        TestSuiteResult result = grade("def spin(n):\n    while n > 0:\n        n = n + 1\n    return n\n",
                "assert spin(1) == 0", "assert spin(0) == 0", "assert spin(2) == 0");

        assertThat(result.tests()).extracting(TestOutcome::status)
                .containsExactly(TestStatus.TIMED_OUT, TestStatus.PASSED, TestStatus.TIMED_OUT);
        assertThat(result.tests().get(0).error().line()).isIn(2, 3);
    }

    @Test
    void theStudentsProcessHoldsOnlyItsStdioAndItsOwnTwoPipes() {
        TestSuiteResult result = grade("""
                import os
                def descriptors():
                    held = {}
                    for fd in range(256):
                        try:
                            held[fd] = os.readlink('/proc/self/fd/%d' % fd)
                        except OSError:
                            pass
                    return held
                """,
                "held = descriptors()\nassert sorted(held) == [0, 1, 2, 3, 4]\n"
                        + "assert held[0] == '/sandbox/run/stdin'\n"
                        + "assert all(held[fd].startswith('pipe:') for fd in (1, 2, 3, 4))");

        assertThat(result.tests().get(0).status()).isEqualTo(TestStatus.PASSED);
    }

    @Test
    void aTestThatPrintsDoesNotDisturbTheReport() {
        TestSuiteResult result = grade("def add(a, b):\n    return a + b\n",
                "print('LEARNFLOW-REPORT results=999')\nassert add(1, 2) == 3", "assert add(1, 1) == 3");

        assertThat(result.tests()).extracting(TestOutcome::status)
                .containsExactly(TestStatus.PASSED, TestStatus.FAILED);
    }

    @Test
    void aReportWithoutTheRunsTokenIsNotBelieved() {
        String forged = "LEARNFLOW-REPORT token=guess exitCode=0 signal= crashed=False limit= stdoutTruncated=False "
                + "stderrTruncated=False wallMillis=1 cpuMillis=1 peakMemoryKb=1 stdout=0 stderr=0 results=0\n";

        RunReport report = RunReport.parse(forged.getBytes(StandardCharsets.US_ASCII), 0, "secret");

        assertThat(report.program().status()).isEqualTo(RunStatus.CRASHED);
    }
}
