package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of a student query: pending, routed, processing, then completed or failed. */
public enum QueryStatus {
    PENDING, ROUTED, PROCESSING, COMPLETED, FAILED;

    @JsonValue
    public String json() {
        return LowercaseEnums.json(this);
    }

    @JsonCreator
    public static QueryStatus fromJson(String text) {
        return LowercaseEnums.parse(QueryStatus.class, text);
    }
}
