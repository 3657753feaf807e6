package io.learnflow.triage.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.QueryStatus;
import io.learnflow.triage.config.TriageConfig;
import io.learnflow.triage.model.ServiceRouting;
import io.learnflow.triage.model.StudentQuery;
import io.learnflow.triage.repository.ServiceRoutingRepository;
import io.learnflow.triage.repository.StudentQueryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the promise that an accepted query ends completed or failed: a query unanswered past the deadline is
 * delivered again (each delivery recorded with its outcome, see {@link QueryDelivery}), and after the last attempt it
 * fails with a reason the student can read.
 */
@ApplicationScoped
public class QueryRedriveService {

    private static final Logger LOG = Logger.getLogger(QueryRedriveService.class);
    private static final int BATCH = 100;

    private final StudentQueryRepository queries;
    private final ServiceRoutingRepository routings;
    private final QueryDelivery delivery;
    private final TriageConfig config;
    private final QueryMetrics metrics;

    public QueryRedriveService(StudentQueryRepository queries, ServiceRoutingRepository routings,
            QueryDelivery delivery, TriageConfig config, QueryMetrics metrics) {
        this.queries = queries;
        this.routings = routings;
        this.delivery = delivery;
        this.config = config;
        this.metrics = metrics;
    }

    /** @return how many overdue queries were delivered again or failed */
    public Uni<Integer> redriveOverdue() {
        Instant now = Instant.now();
        List<Redelivery> redeliveries = new ArrayList<>();
        return Panache.withTransaction(() -> queries.overdue(now.minus(config.redrive().deadline()), BATCH)
                .call(overdue -> Multi.createFrom().iterable(overdue)
                        .onItem().transformToUniAndConcatenate(query -> {
                            query.updatedAt = now;
                            if (query.attempts >= config.redrive().maxAttempts()) {
                                query.status = QueryStatus.FAILED;
                                query.failureReason = "No tutor answered this question after " + query.attempts
                                        + " attempts. Please send it again in a moment.";
                                LOG.warnf("query %s failed: unanswered after %d attempts", query.id, query.attempts);
                                metrics.finished(query);
                                return Uni.createFrom().voidItem();
                            }
                            if (query.answeredByTriage()) {
                                TriageReplies.answer(query);
                                metrics.finished(query);
                                return Uni.createFrom().voidItem();
                            }
                            query.attempts++;
                            ServiceRouting routing = delivery.plan(query, query.attempts);
                            metrics.redriven();
                            redeliveries.add(new Redelivery(query, routing));
                            return routings.persist(routing).replaceWithVoid();
                        })
                        .collect().last())
                .map(List::size))
                .call(() -> Multi.createFrom().iterable(redeliveries)
                        .onItem().transformToUniAndConcatenate(r -> {
                            LOG.infof("re-driving query %s to %s (attempt %d)", r.query().id, r.routing().kafkaTopic,
                                    r.routing().attempt);
                            return delivery.send(r.query(), r.routing());
                        })
                        .collect().last());
    }

    private record Redelivery(StudentQuery query, ServiceRouting routing) {
    }
}
