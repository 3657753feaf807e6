package io.learnflow.model;

import java.util.List;

/** Kafka topic names shared by producers and consumers. */
public final class Topics {

    public static final String QUERY_CONCEPTS = "learnflow.query.concepts";
    public static final String QUERY_DEBUG = "learnflow.query.debug";
    public static final String QUERY_EXERCISE = "learnflow.query.exercise";
    public static final String RESPONSE = "learnflow.response";
    public static final String INTERACTION = "learnflow.interaction";
    public static final String FEEDBACK = "learnflow.feedback";
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** Every topic whose records a LearnFlow service consumes; each has a dead-letter sibling. */
    public static final List<String> CONSUMED = List.of(
            QUERY_CONCEPTS, QUERY_DEBUG, QUERY_EXERCISE, RESPONSE, INTERACTION, FEEDBACK);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The specialist topic a routed query of this type goes to; {@code other} is answered by triage. */
    public static String queryTopicFor(QueryType type) {
        return switch (type) {
            case CONCEPT -> QUERY_CONCEPTS;
            case DEBUG -> QUERY_DEBUG;
            case EXERCISE -> QUERY_EXERCISE;
            case OTHER -> throw new IllegalArgumentException("queries of type 'other' are answered by triage");
        };
    }
}
