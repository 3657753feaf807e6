package io.learnflow.progress.service;

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

    private final EventPublisher publisher;

    public StruggleAnnouncer(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public Uni<Void> announce(List<StruggleAlert> alerts) {
        return Multi.createFrom().iterable(alerts)
                .onItem().transformToUniAndConcatenate(alert -> publisher.publish(Topics.ALERT, alert.studentId,
                        event(alert)))
                .collect().last().replaceWithVoid();
    }

    static StruggleDetected event(StruggleAlert a) {
        return new StruggleDetected(a.publishedEventId, a.raisedAt, a.queryId, a.studentId, a.id, a.reason, a.module,
                a.exerciseId, a.errorCategory, a.sessionId, a.evidence);
    }
}
