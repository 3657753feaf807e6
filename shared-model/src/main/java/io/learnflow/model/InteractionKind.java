package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an interaction was, which decides whether it is evidence of skill: a graded submission, a quiz answer and a
 * debug run whose result is known are evidence; a question is engagement only.
 */
public enum InteractionKind {
    QUESTION, EXERCISE_SUBMISSION, QUIZ_ANSWER, DEBUG_RUN;

    @JsonValue
    public String json() {
        return LowercaseEnums.json(this);
    }

    @JsonCreator
    public static InteractionKind fromJson(String text) {
        return LowercaseEnums.parse(InteractionKind.class, text);
    }
}
