package io.learnflow.exercise.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.learnflow.grader.TestFeedback;

/**
 * What a student sees of their submission: its status and, once graded, the grade, the tests passed and the feedback
 * per test (for a hidden test only what it checks). Never the reference solution or a hidden test's statement.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionView(UUID id, String exerciseId, ExerciseKind kind, SubmissionStatus status, Integer grade,
        Integer testsPassed, Integer testsTotal, Long executionTimeMs, Long memoryUsageKb, String limitHit,
        String feedback, List<TestFeedback> tests, String answer, String grader, Instant submittedAt,
        Instant gradedAt) {

    public static SubmissionView of(ExerciseSubmission s) {
        return new SubmissionView(s.id, s.exerciseId, s.answer != null ? ExerciseKind.MCQ : ExerciseKind.CODE,
                s.status, s.grade, s.automatedTestsPassed, s.totalTests, s.executionTimeMs, s.memoryUsageKb,
                s.limitHit, s.feedback, s.testFeedback == null ? null
                        : ExerciseJson.readList(s.testFeedback, TestFeedback.class),
                s.answer, s.grader, s.submittedAt, s.gradedAt);
    }
}
