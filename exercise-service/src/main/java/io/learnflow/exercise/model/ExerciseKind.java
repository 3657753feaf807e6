package io.learnflow.exercise.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A coding exercise graded by its tests in the sandbox, or a multiple-choice question graded by its answer key. */
public enum ExerciseKind {
    CODE, MCQ;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ExerciseKind fromJson(String text) {
        return text == null ? null : valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
