package io.learnflow.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Progress has raised an alert: a student seems to be struggling. One per episode; {@code queryId} is the query of
 * the interaction that raised it.
 *
 * @param alertId    the stored alert, which a teacher resolves
 * @param module     the module the struggle is in
 * @param exerciseId optional: the exercise, for {@link StruggleReason#FAILED_SUBMISSIONS}
 * @param errorCategory optional: the repeated error, for {@link StruggleReason#REPEATED_ERROR}
 * @param sessionId  optional: the session, for {@link StruggleReason#SESSION_WITHOUT_PASS}
 * @param evidence   what the rule saw, in words a teacher reads
 */
public record StruggleDetected(
        UUID eventId,
        Instant occurredAt,
        UUID queryId,
        UUID studentId,
        UUID alertId,
        StruggleReason reason,
        LearningModule module,
        String exerciseId,
        String errorCategory,
        UUID sessionId,
        String evidence) {

    public StruggleDetected {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(queryId, "queryId");
        Require.present(studentId, "studentId");
        Require.present(alertId, "alertId");
        Require.present(reason, "reason");
        Require.text(evidence, "evidence");
    }
}
