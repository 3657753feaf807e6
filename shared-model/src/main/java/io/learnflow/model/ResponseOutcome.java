package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a specialist answered a query, gave up on it, or handed it back to triage as one it cannot serve (triage
 * routes a handed-back query once more, see {@link ResponseReady#suggestedType()}).
 */
public enum ResponseOutcome {
    ANSWERED, FAILED, HANDED_BACK;

    @JsonValue
    public String json() {
        return LowercaseEnums.json(this);
    }

    @JsonCreator
    public static ResponseOutcome fromJson(String text) {
        return LowercaseEnums.parse(ResponseOutcome.class, text);
    }
}
