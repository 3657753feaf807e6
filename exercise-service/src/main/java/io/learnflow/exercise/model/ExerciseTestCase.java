package io.learnflow.exercise.model;

/**
 * One test of a coding exercise, as stored in {@code test_cases}: a Python statement that raises when the code is
 * wrong. A hidden test is never shown; a student sees only its {@code checks} tag.
 */
public record ExerciseTestCase(String name, String statement, boolean hidden, String checks) {
}
