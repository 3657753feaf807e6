package io.learnflow.triage.service;

import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.triage.config.TriageConfig;
import io.learnflow.triage.model.QueryView;
import io.learnflow.triage.repository.QueryViewRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A stream of a query's changes until it is answered. It watches the database, not this instance's consumer, so a
 * client gets its answer whichever triage instance it is connected to and whichever consumed the answer.
 */
@ApplicationScoped
public class QueryEvents {

    private final QueryViewRepository views;
    private final TriageConfig config;

    public QueryEvents(QueryViewRepository views, TriageConfig config) {
        this.views = views;
        this.config = config;
    }

    /** The query as it is now; fails with QueryNotFound before any stream starts when the student has no such query. */
    public Uni<QueryView> current(UUID studentId, UUID queryId) {
        return views.find(queryId, studentId).onItem().ifNull().failWith(() -> new QueryNotFound(queryId));
    }

    /** The given state, then each change of the query, ending with the state in which it is finished. */
    public Multi<QueryView> changesFrom(UUID studentId, QueryView first) {
        Multi<QueryView> polled = Multi.createFrom().ticks().every(config.eventsPollInterval())
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> views.find(first.id(), studentId))
                .select().where(view -> view != null);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), polled)
                .select().first(untilFinishedInclusive())
                .skip().repetitions()
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
