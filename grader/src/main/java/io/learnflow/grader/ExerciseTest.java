package io.learnflow.grader;

/**
 * One test of an exercise.
 *
 * @param statement one Python statement, possibly over several lines, that raises when the code is wrong (MBPP's
 *                  {@code assert} style)
 * @param hidden    a hidden test is never shown: a student sees only its {@code checks}
 * @param checks    for a hidden test, the short tag of what it checks ("empty list", "negative numbers")
 */
public record ExerciseTest(String name, String statement, boolean hidden, String checks) {

    public ExerciseTest {
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("a test needs a statement");
        }
    }

    public static ExerciseTest visible(String name, String statement) {
        return new ExerciseTest(name, statement, false, null);
    }

    public static ExerciseTest hidden(String name, String statement, String checks) {
        return new ExerciseTest(name, statement, true, checks);
    }
}
