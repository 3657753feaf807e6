package io.learnflow.exercise.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.learnflow.exercise.model.ExerciseJson;
import io.learnflow.exercise.model.ExerciseSubmission;
import io.learnflow.exercise.model.SubmissionStatus;
import io.learnflow.grader.GradingReport;
import io.learnflow.grader.GradingVerdict;
import io.learnflow.grader.TestFeedback;

/** What a submission keeps of the grader's report. */
class GradingRecordTest {

    static ExerciseSubmission grading() {
        ExerciseSubmission submission = new ExerciseSubmission();
        submission.status = SubmissionStatus.GRADING;
        return submission;
    }

    @Test
    void anUndecidedGradingGoesToManualReviewWithTheReasonAndNoGrade() {
        ExerciseSubmission submission = grading();
        GradingService.record(submission, new GradingReport(GradingVerdict.UNDECIDED, 0, 4, 0, 0, 0, null,
                "it will be reviewed", List.of(), "the sandbox stayed busy for 60 s"));

        assertThat(submission.status).isEqualTo(SubmissionStatus.MANUAL_REVIEW);
        assertThat(submission.reviewReason).isEqualTo("the sandbox stayed busy for 60 s");
        assertThat(submission.grade).isNull();
        assertThat(submission.interactionEventId).as("nothing to report to progress").isNull();
    }

    @Test
    void aGradedSubmissionKeepsTheFirstFailingTestsCategoryAndNothingOfAHiddenTestButWhatItChecks() {
        ExerciseSubmission submission = grading();
        GradingService.record(submission, new GradingReport(GradingVerdict.GRADED, 1, 3, 33, 40, 9000, null,
                "1 of 3", List.of(
                        new TestFeedback("example", true, false, null, "f(1)", "1", "1", null, null, null),
                        new TestFeedback("empty", false, true, "an empty list", "f([])", "0", "None", "no return",
                                2, "missing-return"),
                        new TestFeedback("big", false, false, null, "f(9)", "9", "8", "off by one", 3,
                                "range-bounds")), null));

        assertThat(submission.status).isEqualTo(SubmissionStatus.GRADED);
        assertThat(submission.grade).isEqualTo(33);
        assertThat(submission.grader).isEqualTo("system");
        assertThat(submission.errorCategory).isEqualTo("missing-return");
        assertThat(submission.interactionEventId).isNotNull();
        TestFeedback hidden = ExerciseJson.readList(submission.testFeedback, TestFeedback.class).get(1);
        assertThat(hidden.checks()).isEqualTo("an empty list");
        assertThat(hidden.input()).isNull();
        assertThat(hidden.expected()).isNull();
        assertThat(hidden.actual()).isNull();
    }
}
