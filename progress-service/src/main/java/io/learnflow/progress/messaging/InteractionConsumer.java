package io.learnflow.progress.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.learnflow.model.EventCodec;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.progress.service.ProgressService;
import io.smallrye.mutiny.Uni;

/** Interactions reported by the specialists; a record that is not a valid one goes to the dead-letter topic. */
@ApplicationScoped
public class InteractionConsumer {

    private final ProgressService progress;

    public InteractionConsumer(ProgressService progress) {
        this.progress = progress;
    }

    @Incoming("interactions")
    public Uni<Void> onInteraction(String record) {
        return Uni.createFrom().item(() -> EventCodec.decode(record, InteractionRecorded.class))
                .chain(progress::record);
    }
}
