package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The eight beginner modules of the LearnFlow curriculum. */
public enum LearningModule {
    VARIABLES, CONDITIONALS, LOOPS, FUNCTIONS, LISTS, DICTIONARIES, STRINGS, CLASSES;

    @JsonValue
    public String json() {
        return LowercaseEnums.json(this);
    }

    @JsonCreator
    public static LearningModule fromJson(String text) {
        return LowercaseEnums.parse(LearningModule.class, text);
    }
}
