package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a specialist answered a query or gave up on it. */
public enum ResponseOutcome {
    ANSWERED, FAILED;

    @JsonValue
    public String json() {
        return LowercaseEnums.json(this);
    }

    @JsonCreator
    public static ResponseOutcome fromJson(String text) {
        return LowercaseEnums.parse(ResponseOutcome.class, text);
    }
}
