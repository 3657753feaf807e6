package io.learnflow.triage.service;

import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.triage.config.TriageConfig;
import io.learnflow.triage.model.QueryView;
import io.learnflow.triage.repository.QueryChanges;
import io.learnflow.triage.repository.QueryViewRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A stream of a query's changes until it is answered. It is told of each change by the database's notices
 * ({@link QueryChanges}), not by this instance's consumer, so a client gets its answer whichever triage instance it is
 * connected to and whichever consumed the answer; between changes it reads nothing.
 */
@ApplicationScoped
public class QueryEvents {

    private final QueryViewRepository views;
    private final QueryChanges changes;
    private final TriageConfig config;
    private final Counter reads;

    public QueryEvents(QueryViewRepository views, QueryChanges changes, TriageConfig config, MeterRegistry registry) {
        this.views = views;
        this.changes = changes;
        this.config = config;
        this.reads = Counter.builder("learnflow.query.stream.reads")
                .description("Reads of a query's state by open event streams, one per change notice")
                .register(registry);
    }

    /** The query as it is now; fails with QueryNotFound before any stream starts when the student has no such query. */
    public Uni<QueryView> current(UUID studentId, UUID queryId) {
        return views.find(queryId, studentId).onItem().ifNull().failWith(() -> new QueryNotFound(queryId));
    }

    /** The given state, then each change of the query, ending with the state in which it is finished. */
    public Multi<QueryView> changesFrom(UUID studentId, QueryView first) {
        Multi<QueryView> changed = changes.of(first.id())
                .onItem().transformToUniAndConcatenate(queryId -> {
                    reads.increment();
                    return views.find(queryId, studentId);
                })
                .select().where(view -> view != null)
                // the stream ends on the item after the finished one; no notice follows an answer, so send it twice
                .onItem().transformToMultiAndConcatenate(view -> view.finished() ? Multi.createFrom().items(view, view)
                        : Multi.createFrom().item(view));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), changed)
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
