package io.learnflow.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A specialist has taken a routed query and is working on it: the student's query moves from routed to processing.
 * Sent before the answer, on its own topic; it never moves a query that already has its answer.
 */
public record QueryProcessing(
        UUID eventId,
        Instant occurredAt,
        UUID queryId,
        UUID studentId,
        ServiceName service,
        int attempt) {

    public QueryProcessing {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(queryId, "queryId");
        Require.present(studentId, "studentId");
        Require.present(service, "service");
    }
}
