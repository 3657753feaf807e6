package io.learnflow.specialist.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.learnflow.model.FeedbackSubmitted;
import io.learnflow.specialist.service.SpecialistAnswerService;
import io.learnflow.support.messaging.ConsumedRecord;
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
        return ConsumedRecord.handled(record, FeedbackSubmitted.class, answers::recordFeedback);
    }
}
