package io.learnflow.debug.service;

import static io.learnflow.debug.service.TestSandbox.analyse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.learnflow.debug.ai.DebugHints;
import io.learnflow.feedback.StudentCode;
import io.learnflow.sandbox.Limit;

/** The analysis on real runs in the sandbox: what happened, and where. */
class CodeAnalysisTest {

    @Test
    void anExceptionIsReportedAtTheStudentsOwnLineNotTheHarness() {
        String code = "def average(marks):\n    return sum(marks) / len(marks)\n\nprint(average([]))\n";

        Diagnosis d = analyse(code, "", null);

        assertThat(d.outcome()).isEqualTo(Diagnosis.Outcome.EXCEPTION);
        assertThat(d.observation().error().type()).isEqualTo("ZeroDivisionError");
        assertThat(d.observation().error().line()).isEqualTo(2);
        assertThat(d.finding().error().id()).isEqualTo("zero-division");
        assertThat(d.location()).isEqualTo(2);
    }

    @Test
    void aWrongResultIsComparedWithTheExpectedValueAndTheLineIsFound() {
        String code = "def evens_up_to(n):\n    result = []\n    for i in range(2, n, 2):\n        result.append(i)\n"
                + "    return result\n";
        String tests = "assert evens_up_to(1) == []\nassert evens_up_to(6) == [2, 4, 6]\nassert evens_up_to(4) == [2, 4]";

        Diagnosis d = analyse(code, "", tests);

        assertThat(d.outcome()).isEqualTo(Diagnosis.Outcome.WRONG_RESULT);
        assertThat(d.testsPassed()).isEqualTo(1);
        assertThat(d.testsTotal()).isEqualTo(3);
        assertThat(d.firstWrong().expected()).isEqualTo("[2, 4, 6]");
        assertThat(d.firstWrong().actual()).isEqualTo("[2, 4]");
        assertThat(d.location()).isEqualTo(3);
        assertThat(d.aim()).as("a one-token change of line 3 passes every test").isNotNull();
        assertThat(d.aim().kind()).isEqualTo(MutationKind.OFF_BY_ONE);
        assertThat(d.finding().error().id()).isEqualTo("range-bounds");
    }

    @Test
    void aHangNamesTheLoopItWasStuckIn() {
        String code = "count = 10\nwhile count > 0:\n    print('still going')\n    total = count - 1\n";

        Diagnosis d = analyse(code, "", null);

        assertThat(d.outcome()).isIn(Diagnosis.Outcome.HANG, Diagnosis.Outcome.LIMIT);
        assertThat(d.finding().error().id()).isEqualTo("loop-variable-unchanged");
        assertThat(d.finding().line()).isEqualTo(2);
    }

    @Test
    void anEndlessLoopWithoutOutputIsAHangOnItsLoopingLines() {
        Diagnosis d = analyse("n = 1\nwhile n != 10:\n    n += 2\n", "", null);

        assertThat(d.outcome()).isEqualTo(Diagnosis.Outcome.HANG);
        assertThat(d.observation().hangLine()).isIn(2, 3);
        assertThat(DebugHints.write(1, d, "n = 1\nwhile n != 10:\n    n += 2\n")).contains("did not finish in time");
    }

    @Test
    void theMemoryAndOutputLimitsAreSaidAsSuch() {
        Diagnosis memory = analyse("xs = [0]\nwhile True:\n    xs = xs + xs\n", "", null);
        Diagnosis flood = analyse("while True:\n    print('spam' * 100)\n", "", null);

        assertThat(memory.outcome()).isEqualTo(Diagnosis.Outcome.LIMIT);
        assertThat(memory.observation().limit()).isEqualTo(Limit.MEMORY);
        assertThat(flood.outcome()).isEqualTo(Diagnosis.Outcome.LIMIT);
        assertThat(flood.observation().limit()).isEqualTo(Limit.OUTPUT);
    }

    @Test
    void codeThatWorksIsToldWhatItPrintsAndAskedWhatWasExpected() {
        String code = "name = input()\nprint('Hello, ' + name)\n";

        Diagnosis d = analyse(code, "Ana\n", null);

        assertThat(d.outcome()).isEqualTo(Diagnosis.Outcome.NO_FAILURE);
        assertThat(DebugHints.whatHappened(d, new StudentCode(code))).contains("It runs without an error and prints")
                .contains("Hello, Ana").contains("What did you expect");
    }

    @Test
    void assertsInTheStudentsCodeAreItsTests() {
        String code = "def double(n):\n    print(n * 2)\n\nassert double(2) == 4\nassert double(0) == 0\n";

        Diagnosis d = analyse(code, "", null);

        assertThat(d.testsTotal()).isEqualTo(2);
        assertThat(d.testsPassed()).isZero();
        assertThat(d.finding().error().id()).isEqualTo("print-instead-of-return");
        assertThat(d.location()).isEqualTo(2);
    }

    @Test
    void pytestStyleTestFunctionsRunEachAsATest() {
        String code = "def is_adult(age):\n    return age > 18\n";
        String tests = "from solution import is_adult\n\ndef test_adult():\n    assert is_adult(30)\n\n"
                + "def test_eighteen():\n    assert is_adult(18)\n";

        Diagnosis d = analyse(code, "", tests);

        assertThat(d.testsTotal()).isEqualTo(2);
        assertThat(d.testsPassed()).isEqualTo(1);
        assertThat(d.location()).isEqualTo(2);
        assertThat(d.aim().kind()).isIn(MutationKind.COMPARISON, MutationKind.CONSTANT);
        assertThat(DebugHints.write(4, d, code)).contains("On line 2").containsAnyOf("sides of `>`", "number `18`")
                .doesNotContain(">=").doesNotContain("19");
    }

    @Test
    void codeThatDoesNotParseLacksInputForksOrTriesToEscapeGetsAnAnswerAndTheSandboxStaysHealthy() {
        Diagnosis syntax = analyse("def f(:\n    return 1\n", "", "assert f() == 1");
        Diagnosis noInput = analyse("a = int(input())\nb = int(input())\nprint(a + b)\n", "3\n", null);
        Diagnosis forks = analyse("import os\nwhile True:\n    os.fork()\n", "", null);
        Diagnosis escapes = analyse("print(open('/etc/shadow').read())\nimport socket\n"
                + "socket.create_connection(('1.1.1.1', 80), timeout=1)\n", "", null);
        Diagnosis afterwards = analyse("print(1 + 1)\n", "", null);

        assertThat(syntax.outcome()).isEqualTo(Diagnosis.Outcome.EXCEPTION);
        assertThat(syntax.observation().error().type()).isEqualTo("SyntaxError");
        assertThat(noInput.finding().error().id()).isEqualTo("reads-missing-input");
        assertThat(forks.outcome()).isNotEqualTo(Diagnosis.Outcome.NOT_RUN);
        assertThat(escapes.outcome()).isEqualTo(Diagnosis.Outcome.EXCEPTION);
        assertThat(escapes.observation().error().type()).isIn("FileNotFoundError", "PermissionError");
        assertThat(escapes.observation().error().line()).isEqualTo(1);
        assertThat(afterwards.outcome()).isEqualTo(Diagnosis.Outcome.NO_FAILURE);
        assertThat(afterwards.observation().stdout()).isEqualTo("2\n");
    }
}
