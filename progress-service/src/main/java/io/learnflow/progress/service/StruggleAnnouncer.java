package io.learnflow.progress.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.StruggleDetected;
import io.learnflow.model.Topics;
import io.learnflow.progress.model.StruggleAlert;
import io.learnflow.support.messaging.EventPublisher;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Publishes stored alerts as StruggleDetected, always with the alert's own event id, so a repeat is recognisable. */
@ApplicationScoped
public class StruggleAnnouncer {

    private static final int RETRIES = 3;
    private static final Duration RETRY_BACK_OFF = Duration.ofMillis(200);

    private final EventPublisher publisher;

    public StruggleAnnouncer(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Publishes each alert, retrying a refusal of the broker a few times: the interaction is already counted, so if
     * the broker stays away its record goes to the dead-letter topic with the alert stored but not announced.
     */
    public Uni<Void> announce(List<StruggleAlert> alerts) {
        return Multi.createFrom().iterable(alerts)
                .onItem().transformToUniAndConcatenate(alert -> publisher.publish(Topics.ALERT, alert.studentId,
                        event(alert)).onFailure().retry().withBackOff(RETRY_BACK_OFF).atMost(RETRIES))
                .collect().last().replaceWithVoid();
    }

    static StruggleDetected event(StruggleAlert a) {
        return new StruggleDetected(a.publishedEventId, a.raisedAt, a.queryId, a.studentId, a.id, a.reason, a.module,
                a.exerciseId, a.errorCategory, a.sessionId, a.evidence);
    }
}
