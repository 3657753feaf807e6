package io.learnflow.model;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a query (or the reason there is none), sent back to triage for the student.
 *
 * @param responseType what kind of answer it is, for example {@code explanation}, {@code hint}, {@code exercise}
 * @param exerciseId   the exercise handed out or graded, when there is one
 */
public record ResponseReady(
        UUID eventId,
        Instant occurredAt,
        UUID queryId,
        UUID studentId,
        ServiceName answeredBy,
        ResponseOutcome outcome,
        String responseType,
        String content,
        String failureReason,
        LearningModule module,
        String exerciseId) {

    public ResponseReady {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(queryId, "queryId");
        Require.present(studentId, "studentId");
        Require.present(answeredBy, "answeredBy");
        Require.present(outcome, "outcome");
        if (outcome == ResponseOutcome.ANSWERED) {
            Require.text(content, "content");
        } else {
            Require.text(failureReason, "failureReason");
        }
    }
}
