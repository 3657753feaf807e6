package io.learnflow.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A student's query, routed by triage to a specialist. {@code attempt} counts deliveries by the re-drive job (1 first).
 *
 * @param stdin      optional: the input to give the student's code when it is run
 * @param tests      optional: tests for the code, {@code assert} lines or pytest-style {@code test_} functions
 * @param exerciseId optional: the exercise the student is working on
 * @param timeZone   optional: the student's IANA time zone (a profile preference); UTC when absent
 * @param handedBackBy optional: the specialist that handed this query back to triage, which routed it here instead;
 *                   a query handed back once is answered where it lands, never handed back again
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
        int attempt,
        String stdin,
        String tests,
        String exerciseId,
        String timeZone,
        ServiceName handedBackBy) {

    /** A query with input, tests, exercise and time zone, routed for the first time. */
    public QueryRouted(UUID eventId, Instant occurredAt, UUID queryId, UUID studentId, String queryText, String code,
            String errorText, UUID sessionId, LearningModule module, Difficulty difficulty, RoutingDecision routing,
            int attempt, String stdin, String tests, String exerciseId, String timeZone) {
        this(eventId, occurredAt, queryId, studentId, queryText, code, errorText, sessionId, module, difficulty,
                routing, attempt, stdin, tests, exerciseId, timeZone, null);
    }

    /** A query with input, tests and exercise but no time zone. */
    public QueryRouted(UUID eventId, Instant occurredAt, UUID queryId, UUID studentId, String queryText, String code,
            String errorText, UUID sessionId, LearningModule module, Difficulty difficulty, RoutingDecision routing,
            int attempt, String stdin, String tests, String exerciseId) {
        this(eventId, occurredAt, queryId, studentId, queryText, code, errorText, sessionId, module, difficulty,
                routing, attempt, stdin, tests, exerciseId, null, null);
    }

    /** A query without input, tests or exercise (the fields before they were added). */
    public QueryRouted(UUID eventId, Instant occurredAt, UUID queryId, UUID studentId, String queryText, String code,
            String errorText, UUID sessionId, LearningModule module, Difficulty difficulty, RoutingDecision routing,
            int attempt) {
        this(eventId, occurredAt, queryId, studentId, queryText, code, errorText, sessionId, module, difficulty,
                routing, attempt, null, null, null, null, null);
    }

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
