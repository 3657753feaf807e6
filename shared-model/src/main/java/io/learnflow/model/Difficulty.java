package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How hard the student wants the material. */
public enum Difficulty {
    BEGINNER, INTERMEDIATE, ADVANCED;

    @JsonValue
    public String json() {
        return LowercaseEnums.json(this);
    }

    @JsonCreator
    public static Difficulty fromJson(String text) {
        return LowercaseEnums.parse(Difficulty.class, text);
    }
}
