package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why progress thinks a student is struggling. */
public enum StruggleReason {
    /** The same error category three times in one module within a day. */
    REPEATED_ERROR,
    /** Five failed submissions in a row on one exercise. */
    FAILED_SUBMISSIONS,
    /** Mastery below 30% after five or more attempts in a module. */
    LOW_MASTERY,
    /** Twenty minutes of activity in one session without a pass. */
    SESSION_WITHOUT_PASS;

    @JsonValue
    public String json() {
        return LowercaseEnums.json(this);
    }

    @JsonCreator
    public static StruggleReason fromJson(String text) {
        return LowercaseEnums.parse(StruggleReason.class, text);
    }
}
