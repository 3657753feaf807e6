package io.learnflow.exercise.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.learnflow.model.Difficulty;

/** The data model's difficulty of an exercise; a student's level (beginner, intermediate, advanced) maps onto it. */
public enum ExerciseDifficulty {
    EASY, MEDIUM, HARD;

    public static ExerciseDifficulty forLevel(Difficulty level) {
        if (level == null) {
            return EASY;
        }
        return switch (level) {
            case BEGINNER -> EASY;
            case INTERMEDIATE -> MEDIUM;
            case ADVANCED -> HARD;
        };
    }

    /** The difficulty {@code steps} away from this one, kept within easy and hard. */
    public ExerciseDifficulty shifted(int steps) {
        ExerciseDifficulty[] all = values();
        return all[Math.max(0, Math.min(all.length - 1, ordinal() + steps))];
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ExerciseDifficulty fromJson(String text) {
        return text == null ? null : valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
