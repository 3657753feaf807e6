package io.learnflow.exercise.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** pending → grading → graded, or manual_review when the grader could not decide. */
public enum SubmissionStatus {
    PENDING, GRADING, GRADED, MANUAL_REVIEW;

    public boolean finished() {
        return this == GRADED || this == MANUAL_REVIEW;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
