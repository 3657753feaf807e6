package io.learnflow.grader;

/**
 * What a student may see of one test. For a hidden test, {@code input}, {@code expected} and {@code actual} are
 * null and only {@code checks} says what it was about.
 *
 * @param explanation   the novice-error catalogue's words for what went wrong, or null when the test passed
 * @param studentLine   the line of the student's code the failure was recognised at, or null
 * @param errorCategory the catalogue entry's id, or null
 */
public record TestFeedback(String name, boolean passed, boolean hidden, String checks, String input, String expected,
        String actual, String explanation, Integer studentLine, String errorCategory) {
}
