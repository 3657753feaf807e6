package io.learnflow.sandbox;

import java.util.List;

/**
 * The result of one test: for a failure, the expected and actual values (short reprs); for an error, the exception;
 * the lines of the student's module the test executed; and, for a graded test, the calls of the student's code it
 * made, with their arguments ({@code input}, or null).
 */
public record TestOutcome(int index, TestStatus status, String expected, String actual, PythonError error,
        List<Integer> coveredLines, long millis, String input) {

    public TestOutcome(int index, TestStatus status, String expected, String actual, PythonError error,
            List<Integer> coveredLines, long millis) {
        this(index, status, expected, actual, error, coveredLines, millis, null);
    }
}
