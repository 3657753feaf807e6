package io.learnflow.model;

import java.util.List;

/** Kafka topic names shared by producers and consumers. */
public final class Topics {

    static final String QUERY_PREFIX = "learnflow.query.";
    public static final String QUERY_CONCEPTS = QUERY_PREFIX + "concepts";
    public static final String QUERY_DEBUG = QUERY_PREFIX + "debug";
    public static final String QUERY_EXERCISE = QUERY_PREFIX + "exercise";
    /** A specialist saying it has started on a query ({@link QueryProcessing}). */
    public static final String QUERY_STATUS = "learnflow.query-status";
    public static final String RESPONSE = "learnflow.response";
    public static final String INTERACTION = "learnflow.interaction";
    public static final String FEEDBACK = "learnflow.feedback";
    /** A submission to grade ({@link SubmissionReceived}), for the exercise service's graders. */
    public static final String SUBMISSION = "learnflow.submission";
    /** A student who seems to be struggling ({@link StruggleDetected}), published by progress. */
    public static final String ALERT = "learnflow.alert";
    /** Who is in whose class ({@link ClassMembershipChanged}), announced by progress, which owns classes. */
    public static final String CLASS_MEMBERSHIP = "learnflow.class-membership";
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** Every topic whose records a LearnFlow service consumes; each has a dead-letter sibling. */
    public static final List<String> CONSUMED = List.of(
            QUERY_CONCEPTS, QUERY_DEBUG, QUERY_EXERCISE, QUERY_STATUS, RESPONSE, INTERACTION, FEEDBACK,
            SUBMISSION, CLASS_MEMBERSHIP);

    /** Topics LearnFlow publishes for readers outside it (teachers' tools, operators) and consumes nowhere itself. */
    public static final List<String> ANNOUNCED = List.of(ALERT);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
