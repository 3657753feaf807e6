package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a student's message asks for. */
public enum QueryType {
    CONCEPT, DEBUG, EXERCISE, OTHER;

    @JsonValue
    public String json() {
        return LowercaseEnums.json(this);
    }

    @JsonCreator
    public static QueryType fromJson(String text) {
        return LowercaseEnums.parse(QueryType.class, text);
    }
}
