package io.learnflow.exercise.model;

import java.util.UUID;

import jakarta.validation.constraints.Size;

/**
 * A student's attempt: {@code code} for a coding exercise, {@code answer} (an option's id) for a quiz question.
 *
 * @param sessionId optional: the tutoring session it belongs to
 * @param timeZone  optional: the student's IANA time zone
 */
public record NewSubmission(@Size(max = 20_000, message = "at most 20000 characters") String code,
        @Size(max = 8) String answer, UUID sessionId, @Size(max = 64) String timeZone) {
}
