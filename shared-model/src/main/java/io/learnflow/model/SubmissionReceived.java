package io.learnflow.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A student's submission to an exercise, stored by the exercise service and waiting to be graded. The code stays in
 * the exercise service's schema; the event only says which submission to grade. {@code attempt} counts deliveries
 * (1 first; a re-drive of a submission whose grading never finished delivers it again).
 *
 * @param queryId optional: the routed query the submission came with ("is my solution right?")
 */
public record SubmissionReceived(
        UUID eventId,
        Instant occurredAt,
        UUID submissionId,
        UUID studentId,
        String exerciseId,
        int attempt,
        UUID queryId) {

    public SubmissionReceived {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(submissionId, "submissionId");
        Require.present(studentId, "studentId");
        Require.text(exerciseId, "exerciseId");
        attempt = Math.max(attempt, 1);
    }
}
