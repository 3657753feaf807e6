package io.learnflow.sandbox;

import java.util.List;

/**
 * The result of one test: for a failure, the expected and actual values (short reprs); for an error, the exception;
 * and the lines of the student's module the test executed.
 */
public record TestOutcome(int index, TestStatus status, String expected, String actual, PythonError error,
        List<Integer> coveredLines, long millis) {
}
