package io.learnflow.exercise.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a quiz question asks of the student, in Bloom's revised taxonomy. */
public enum CognitiveLevel {
    REMEMBER, UNDERSTAND, APPLY, ANALYZE, EVALUATE, CREATE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CognitiveLevel fromJson(String text) {
        return text == null ? null : valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
