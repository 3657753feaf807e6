package io.learnflow.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A module and the tests to run against it, in one sandbox run. {@code setup} runs (MBPP's
 * test setup code) after the module; each test has {@code perTestBudget} of wall time. Without limits, the run
 * gets the sandbox's defaults with enough CPU for every test to use its whole budget. Line coverage (which lines
 * each test ran) slows pure-Python code several times over; turn it off where only the verdict matters.
 */
public record TestSuiteRequest(Map<String, String> files, String moduleFile, String setup, List<TestCase> tests,
        Duration perTestBudget, SandboxLimits limits, boolean lineCoverage) {

    public TestSuiteRequest {
        files = Map.copyOf(files);
        ProgramRequest.requireRunnable(files, moduleFile);
        tests = List.copyOf(tests);
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("a test suite needs at least one test");
        }
        perTestBudget = perTestBudget == null ? Duration.ofSeconds(2) : perTestBudget;
    }

    public static TestSuiteRequest of(String source, List<TestCase> tests) {
        return new TestSuiteRequest(Map.of("solution.py", source), "solution.py", null, tests, null, null, true);
    }
}
