package io.learnflow.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A student's module graded against test statements the module never sees (see {@link Sandbox#grade}). Each
 * statement is one Python statement, possibly over several lines, that raises when the code is wrong; {@code setup}
 * runs after the module, in its namespace, before each test. Each test has {@code perTestBudget} of time; without
 * limits, the run gets the sandbox's defaults with enough time for every test to use its whole budget.
 */
public record GradingSuiteRequest(String source, String setup, List<String> statements, Duration perTestBudget,
        SandboxLimits limits) {

    static final String MODULE = "solution.py";

    public GradingSuiteRequest {
        source = source == null ? "" : source;
        setup = setup == null ? "" : setup;
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a grading needs at least one test");
        }
        perTestBudget = perTestBudget == null ? Duration.ofSeconds(2) : perTestBudget;
    }

    public static GradingSuiteRequest of(String source, List<String> statements) {
        return new GradingSuiteRequest(source, null, statements, null, null);
    }

    Map<String, String> files() {
        return Map.of(MODULE, source);
    }
}
