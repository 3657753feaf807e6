package io.learnflow.grader;

import java.util.List;

/**
 * A submission to grade: the student's code, the exercise's setup code (run after the student's code, before the
 * tests; may be null) and its tests.
 */
public record GradingRequest(String code, String testSetupCode, List<ExerciseTest> tests) {

    public GradingRequest {
        code = code == null ? "" : code;
        testSetupCode = testSetupCode == null ? "" : testSetupCode;
        tests = List.copyOf(tests);
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("a grading needs at least one test");
        }
    }
}
