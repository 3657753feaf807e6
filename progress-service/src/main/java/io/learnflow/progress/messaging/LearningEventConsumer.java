package io.learnflow.progress.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.learnflow.model.FeedbackSubmitted;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.ResponseReady;
import io.learnflow.progress.service.LearningAnalytics;
import io.learnflow.support.messaging.ConsumedRecord;
import io.smallrye.mutiny.Uni;

/**
 * What the analytics stream takes from other services' topics, in progress's own consumer group: queries routed to
 * each specialist, answers, ratings. A record that is not a valid event goes to the topic's dead-letter sibling.
 */
@ApplicationScoped
public class LearningEventConsumer {

    private final LearningAnalytics analytics;

    public LearningEventConsumer(LearningAnalytics analytics) {
        this.analytics = analytics;
    }

    @Incoming("asked-concepts")
    public Uni<Void> askedConcepts(String record) {
        return asked(record);
    }

    @Incoming("asked-debug")
    public Uni<Void> askedDebug(String record) {
        return asked(record);
    }

    @Incoming("asked-exercise")
    public Uni<Void> askedExercise(String record) {
        return asked(record);
    }

    @Incoming("answers")
    public Uni<Void> answered(String record) {
        return ConsumedRecord.handled(record, ResponseReady.class, analytics::answered);
    }

    @Incoming("ratings")
    public Uni<Void> rated(String record) {
        return ConsumedRecord.handled(record, FeedbackSubmitted.class, analytics::rated);
    }

    private Uni<Void> asked(String record) {
        return ConsumedRecord.handled(record, QueryRouted.class, analytics::asked);
    }
}
