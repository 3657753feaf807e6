package io.learnflow.progress.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.learnflow.model.InteractionRecorded;
import io.learnflow.progress.service.ProgressService;
import io.learnflow.progress.service.StruggleAnnouncer;
import io.learnflow.support.messaging.ConsumedRecord;
import io.smallrye.mutiny.Uni;

/**
 * Interactions reported by the specialists, one at a time in partition order (the key is the student); a record that
 * is not a valid one goes to the dead-letter topic. The record is acknowledged once its count is committed and the
 * alerts it raised are published.
 */
@ApplicationScoped
public class InteractionConsumer {

    private final ProgressService progress;
    private final StruggleAnnouncer announcer;

    public InteractionConsumer(ProgressService progress, StruggleAnnouncer announcer) {
        this.progress = progress;
        this.announcer = announcer;
    }

    @Incoming("interactions")
    public Uni<Void> onInteraction(String record) {
        return ConsumedRecord.handled(record, InteractionRecorded.class,
                event -> progress.record(event).chain(announcer::announce));
    }
}
