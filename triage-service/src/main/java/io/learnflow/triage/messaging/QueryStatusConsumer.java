package io.learnflow.triage.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.learnflow.model.QueryProcessing;
import io.learnflow.support.messaging.ConsumedRecord;
import io.learnflow.triage.service.QueryAnswerService;
import io.smallrye.mutiny.Uni;

/** Specialists saying they have started on a query; a bad record goes to the dead-letter topic. */
@ApplicationScoped
public class QueryStatusConsumer {

    private final QueryAnswerService answers;

    public QueryStatusConsumer(QueryAnswerService answers) {
        this.answers = answers;
    }

    @Incoming("query-statuses")
    public Uni<Void> onStatus(String record) {
        return ConsumedRecord.handled(record, QueryProcessing.class, answers::markProcessing);
    }
}
