package io.learnflow.model;

import java.time.Instant;
import java.util.UUID;

/** A student's rating of an answer, forwarded by triage to the specialist that gave it. */
public record FeedbackSubmitted(
        UUID eventId,
        Instant occurredAt,
        UUID queryId,
        UUID studentId,
        ServiceName answeredBy,
        int rating,
        String comment) {

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;

    public FeedbackSubmitted {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(queryId, "queryId");
        Require.present(studentId, "studentId");
        Require.present(answeredBy, "answeredBy");
        Require.within(rating, MIN_RATING, MAX_RATING, "rating");
    }
}
