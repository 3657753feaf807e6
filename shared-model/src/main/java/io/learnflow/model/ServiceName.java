package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The LearnFlow services, as named in events and consumer groups. */
public enum ServiceName {
    TRIAGE, CONCEPTS, DEBUG, EXERCISE, PROGRESS;

    @JsonValue
    public String json() {
        return LowercaseEnums.json(this);
    }

    @JsonCreator
    public static ServiceName fromJson(String text) {
        return LowercaseEnums.parse(ServiceName.class, text);
    }
}
