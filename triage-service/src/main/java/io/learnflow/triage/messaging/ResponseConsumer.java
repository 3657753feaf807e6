package io.learnflow.triage.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.learnflow.model.ResponseReady;
import io.learnflow.support.messaging.ConsumedRecord;
import io.learnflow.triage.service.QueryAnswerService;
import io.smallrye.mutiny.Uni;

/** Answers from the specialists (and triage's own), recorded for the student; a bad record goes to the dead-letter topic. */
@ApplicationScoped
public class ResponseConsumer {

    private final QueryAnswerService answers;

    public ResponseConsumer(QueryAnswerService answers) {
        this.answers = answers;
    }

    @Incoming("responses")
    public Uni<Void> onResponse(String record) {
        return ConsumedRecord.handled(record, ResponseReady.class, answers::record);
    }
}
