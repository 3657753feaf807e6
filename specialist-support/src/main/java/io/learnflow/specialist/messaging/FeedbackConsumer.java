package io.learnflow.specialist.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.learnflow.model.EventCodec;
import io.learnflow.model.FeedbackSubmitted;
import io.learnflow.specialist.service.SpecialistAnswerService;
import io.learnflow.support.persistence.BackendOutage;
import io.smallrye.mutiny.Uni;

/** Students' ratings of answers, kept with the answer they rate when this specialist gave it. */
@ApplicationScoped
public class FeedbackConsumer {

    private final SpecialistAnswerService answers;

    public FeedbackConsumer(SpecialistAnswerService answers) {
        this.answers = answers;
    }

    @Incoming("feedback")
    public Uni<Void> onFeedback(String record) {
        return BackendOutage.retriedThrough(
                () -> Uni.createFrom().item(() -> EventCodec.decode(record, FeedbackSubmitted.class))
                        .chain(answers::recordFeedback));
    }
}
