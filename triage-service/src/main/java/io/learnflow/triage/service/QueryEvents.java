package io.learnflow.triage.service;

import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.support.rest.NotFound;
import io.learnflow.triage.api.QueryView;
import io.learnflow.triage.config.TriageConfig;
import io.smallrye.mutiny.Multi;

/**
 * A stream of a query's changes until it is answered. It watches the database, not this instance's consumer, so a
 * client gets its answer whichever triage instance it is connected to and whichever consumed the answer.
 */
@ApplicationScoped
public class QueryEvents {

    private final QueryViewReader views;
    private final TriageConfig config;

    public QueryEvents(QueryViewReader views, TriageConfig config) {
        this.views = views;
        this.config = config;
    }

    public Multi<QueryView> changesOf(UUID studentId, UUID queryId) {
        Multi<QueryView> polled = Multi.createFrom().ticks().every(config.eventsPollInterval())
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> views.find(queryId, studentId))
                .select().where(view -> view != null);
        return views.find(queryId, studentId)
                .onItem().ifNull().failWith(() -> NotFound.of("query", queryId))
                .toMulti()
                .onCompletion().switchTo(polled)
                .skip().repetitions()
                .select().first(untilFinishedInclusive())
                .select().first(config.eventsMaxDuration());
    }

    private static Predicate<QueryView> untilFinishedInclusive() {
        return new Predicate<>() {
            private boolean finished;

            @Override
            public boolean test(QueryView view) {
                if (finished) {
                    return false;
                }
                finished = view.finished();
                return true;
            }
        };
    }
}
