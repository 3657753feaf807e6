package io.learnflow.model;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a query (or the reason there is none), sent back to triage for the student.
 *
 * @param responseType what kind of answer it is, for example {@code explanation}, {@code hint}, {@code exercise}
 * @param exerciseId     the exercise handed out or graded, when there is one
 * @param handBackReason optional, required when {@code outcome} is {@code handed_back}: why the specialist cannot
 *                       serve the query, for the routing record
 * @param suggestedType  optional, required when {@code outcome} is {@code handed_back}: the kind of help the query
 *                       asks for instead; triage routes it there, at most once per query
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
        String exerciseId,
        String handBackReason,
        QueryType suggestedType) {

    /** An answer or a failure (the fields before hand-backs were added). */
    public ResponseReady(UUID eventId, Instant occurredAt, UUID queryId, UUID studentId, ServiceName answeredBy,
            ResponseOutcome outcome, String responseType, String content, String failureReason, LearningModule module,
            String exerciseId) {
        this(eventId, occurredAt, queryId, studentId, answeredBy, outcome, responseType, content, failureReason, module,
                exerciseId, null, null);
    }

    public ResponseReady {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(queryId, "queryId");
        Require.present(studentId, "studentId");
        Require.present(answeredBy, "answeredBy");
        Require.present(outcome, "outcome");
        if (outcome == ResponseOutcome.ANSWERED) {
            Require.text(content, "content");
        } else if (outcome == ResponseOutcome.HANDED_BACK) {
            Require.text(handBackReason, "handBackReason");
            Require.present(suggestedType, "suggestedType");
        } else {
            Require.text(failureReason, "failureReason");
        }
    }
}
