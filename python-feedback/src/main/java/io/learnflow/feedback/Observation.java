package io.learnflow.feedback;

import java.util.ArrayList;
import java.util.List;

import io.learnflow.sandbox.Limit;
import io.learnflow.sandbox.ProgramResult;
import io.learnflow.sandbox.PythonError;
import io.learnflow.sandbox.RunStatus;
import io.learnflow.sandbox.TestOutcome;
import io.learnflow.sandbox.TestStatus;
import io.learnflow.sandbox.TestSuiteResult;

/**
 * What a run of the student's code showed: the exception it ended with (at the student's own line), its output, a
 * limit it ran into, a hang and the line it was looping on, and the tests whose result was wrong.
 *
 * @param hangLine the line a hang was interrupted at, when known
 */
public record Observation(StudentCode code, PythonError error, String stdout, String stderr, Limit limit,
        boolean hung, Integer hangLine, List<WrongResult> wrongResults, int testsRun, int testsPassed) {

    /** A test whose value was not the expected one. */
    public record WrongResult(String expected, String actual) {
    }

    public Observation {
        wrongResults = List.copyOf(wrongResults);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public static Observation of(String code, ProgramResult run) {
        boolean hung = run.limit() == Limit.CPU_TIME || run.limit() == Limit.WALL_TIME;
        return new Observation(new StudentCode(code), run.error(), run.stdout(), run.stderr(),
                hung ? null : run.limit(), hung, null, List.of(), 0, 0);
    }

    /** A program run (may be null) joined with a test suite's results (may be null). */
    public static Observation of(String code, ProgramResult run, TestSuiteResult suite) {
        Observation base = run != null ? of(code, run)
                : new Observation(new StudentCode(code), null, "", "", null, false, null, List.of(), 0, 0);
        if (suite == null) {
            return base;
        }
        PythonError error = base.error() != null ? base.error() : suite.loadError();
        boolean hung = base.hung();
        Integer hangLine = base.hangLine();
        List<WrongResult> wrong = new ArrayList<>();
        int ran = 0;
        int passed = 0;
        for (TestOutcome test : suite.tests()) {
            if (test.status() == TestStatus.NOT_RUN) {
                continue;
            }
            ran++;
            switch (test.status()) {
                case PASSED -> passed++;
                case FAILED -> wrong.add(new WrongResult(test.expected(), test.actual()));
                case TIMED_OUT -> {
                    hung = true;
                    if (hangLine == null && test.error() != null) {
                        hangLine = test.error().line();
                    }
                }
                default -> {
                    if (error == null) {
                        error = test.error();
                    }
                }
            }
        }
        Limit limit = base.limit();
        if (limit == null && suite.run().status() == RunStatus.LIMIT_EXCEEDED && suite.run().limit() != Limit.CPU_TIME
                && suite.run().limit() != Limit.WALL_TIME) {
            limit = suite.run().limit();
        }
        return new Observation(base.code(), error, base.stdout(), base.stderr(), limit, hung, hangLine, wrong, ran,
                passed);
    }

    public Observation withHangLine(Integer line) {
        return new Observation(code, error, stdout, stderr, limit, hung, line, wrongResults, testsRun, testsPassed);
    }

    public boolean failed() {
        return error != null || limit != null || hung || !wrongResults.isEmpty();
    }

    public boolean errorIs(String type) {
        return error != null && type.equals(error.type());
    }

    public String errorMessage() {
        return error == null || error.message() == null ? "" : error.message();
    }

    public Integer errorLine() {
        return error == null ? null : error.line();
    }

    /** A test's actual value was None, or the output shows None where a value was expected. */
    public boolean producedNone() {
        return wrongResults.stream().anyMatch(w -> "None".equals(w.actual()))
                || errorMessage().contains("NoneType") || stdout.strip().endsWith("None");
    }
}
