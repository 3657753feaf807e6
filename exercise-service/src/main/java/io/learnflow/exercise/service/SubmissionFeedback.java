package io.learnflow.exercise.service;

import java.util.List;

import io.learnflow.exercise.model.Exercise;
import io.learnflow.exercise.model.ExerciseJson;
import io.learnflow.exercise.model.ExerciseSubmission;
import io.learnflow.exercise.model.SubmissionStatus;
import io.learnflow.grader.TestFeedback;

/** A graded submission in words, for the tutor's answer: the grade, then each failed test as the student may see it. */
public final class SubmissionFeedback {

    private SubmissionFeedback() {
    }

    public static String forStudent(Exercise exercise, ExerciseSubmission submission) {
        if (submission.status != SubmissionStatus.GRADED) {
            return "I could not grade your solution to exercise " + exercise.id + " right now; a teacher will review "
                    + "it. " + (submission.feedback != null ? submission.feedback : "");
        }
        StringBuilder text = new StringBuilder("**Exercise " + exercise.id + ": " + exercise.title + "**: "
                + submission.automatedTestsPassed + " of " + submission.totalTests + " tests passed (grade "
                + submission.grade + ").\n");
        if (submission.feedback != null) {
            text.append('\n').append(submission.feedback).append('\n');
        }
        List<TestFeedback> tests = ExerciseJson.readList(submission.testFeedback, TestFeedback.class);
        for (TestFeedback test : tests) {
            if (test.passed()) {
                continue;
            }
            text.append("\n* ").append(test.hidden() ? "a hidden test (" + test.checks() + ")" : "`" + test.name()
                    + "`").append(" failed");
            if (!test.hidden() && test.input() != null) {
                text.append(": for `").append(test.input()).append("` expected `").append(test.expected())
                        .append("`, got `").append(test.actual()).append('`');
            }
            if (test.explanation() != null) {
                text.append(test.studentLine() != null ? " (line " + test.studentLine() + "): " : ": ")
                        .append(test.explanation());
            }
        }
        if (submission.solved()) {
            text.append("\nEvery test passes. Ask me for the next exercise when you are ready.");
        }
        return text.toString();
    }
}
