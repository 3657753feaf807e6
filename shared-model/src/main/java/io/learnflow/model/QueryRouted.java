package io.learnflow.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A student's query, routed by triage to a specialist. {@code attempt} counts deliveries by the re-drive job (1 first).
 */
public record QueryRouted(
        UUID eventId,
        Instant occurredAt,
        UUID queryId,
        UUID studentId,
        String queryText,
        String code,
        String errorText,
        UUID sessionId,
        LearningModule module,
        Difficulty difficulty,
        RoutingDecision routing,
        int attempt) {

    public QueryRouted {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(queryId, "queryId");
        Require.present(studentId, "studentId");
        Require.text(queryText, "queryText");
        Require.present(routing, "routing");
        attempt = Math.max(attempt, 1);
    }
}
