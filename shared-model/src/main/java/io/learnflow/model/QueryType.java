package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a student's message asks for, and the one place that says which service answers each kind. */
public enum QueryType {
    CONCEPT(ServiceName.CONCEPTS), DEBUG(ServiceName.DEBUG), EXERCISE(ServiceName.EXERCISE), OTHER(ServiceName.TRIAGE);

    private final ServiceName answeredBy;

    QueryType(ServiceName answeredBy) {
        this.answeredBy = answeredBy;
    }

    /** The service that answers this kind of message; {@code other} is answered by triage itself. */
    public ServiceName answeredBy() {
        return answeredBy;
    }

    /** The topic a routed query of this kind is published to. */
    public String queryTopic() {
        if (answeredBy == ServiceName.TRIAGE) {
            throw new IllegalArgumentException("queries of type 'other' are answered by triage, not routed");
        }
        return Topics.QUERY_PREFIX + answeredBy.json();
    }

    @JsonValue
    public String json() {
        return LowercaseEnums.json(this);
    }

    @JsonCreator
    public static QueryType fromJson(String text) {
        return LowercaseEnums.parse(QueryType.class, text);
    }
}
