package io.learnflow.specialist.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.learnflow.model.QueryRouted;
import io.learnflow.specialist.service.SpecialistAnswerService;
import io.learnflow.support.messaging.ConsumedRecord;
import io.smallrye.mutiny.Uni;

/** Queries routed to this specialist; a record that is not a valid QueryRouted goes to the dead-letter topic. */
@ApplicationScoped
public class QueryConsumer {

    private final SpecialistAnswerService answers;

    public QueryConsumer(SpecialistAnswerService answers) {
        this.answers = answers;
    }

    @Incoming("queries")
    public Uni<Void> onQuery(String record) {
        return ConsumedRecord.handled(record, QueryRouted.class, answers::answer);
    }
}
