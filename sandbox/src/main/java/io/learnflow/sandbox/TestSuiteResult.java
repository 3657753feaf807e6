package io.learnflow.sandbox;

import java.util.List;

/**
 * The outcome of a test suite: the run (status, limits, time), the lines executed while loading the module, and one
 * outcome per test in order.
 */
public record TestSuiteResult(ProgramResult run, PythonError loadError, List<Integer> linesRunOnLoad,
        List<TestOutcome> tests) {

    public long count(TestStatus status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    public int total() {
        return tests.size();
    }

    public boolean allPassed() {
        return !tests.isEmpty() && count(TestStatus.PASSED) == tests.size();
    }
}
