package io.learnflow.debug.service;

import java.util.List;
import java.util.Map;

import io.learnflow.sandbox.TestCase;

/**
 * The student's code and how to check it: the input to give it and the tests to run (from the query, from asserts in
 * the code, or from the exercise), with the code the tests need run first ({@code setup}: helper definitions,
 * imports) and any other files they import.
 *
 * @param code the module as it will be run (asserts moved out into tests keep their lines blank)
 */
public record DebugProblem(String code, String stdin, List<TestCase> tests, String setup,
        Map<String, String> otherFiles) {

    public static final String MODULE = "solution.py";

    public DebugProblem {
        code = code == null ? "" : code.replace("\r\n", "\n");
        stdin = stdin == null ? "" : stdin;
        tests = tests == null ? List.of() : List.copyOf(tests);
        otherFiles = otherFiles == null ? Map.of() : Map.copyOf(otherFiles);
    }

    public boolean hasTests() {
        return !tests.isEmpty();
    }
}
