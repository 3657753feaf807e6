package io.learnflow.triage.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.QueryProcessing;
import io.learnflow.model.QueryStatus;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.ServiceName;
import io.learnflow.triage.model.ServiceRouting;
import io.learnflow.triage.model.StudentQuery;
import io.learnflow.triage.repository.ServiceRoutingRepository;
import io.learnflow.triage.repository.StudentQueryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What the specialists say about a query, recorded as what the student sees: that one has started on it, then its
 * answer. The first answer wins and later duplicates change nothing, with one exception: a real answer that arrives
 * after the re-drive gave the query up replaces that failure, because the student is better served by the answer and
 * the specialist has already reported the interaction to progress. The student then sees one state, completed.
 */
@ApplicationScoped
public class QueryAnswerService {

    private static final Logger LOG = Logger.getLogger(QueryAnswerService.class);

    private final StudentQueryRepository queries;
    private final ServiceRoutingRepository routings;
    private final QueryDelivery delivery;
    private final QueryMetrics metrics;

    public QueryAnswerService(StudentQueryRepository queries, ServiceRoutingRepository routings, QueryDelivery delivery,
            QueryMetrics metrics) {
        this.queries = queries;
        this.routings = routings;
        this.delivery = delivery;
        this.metrics = metrics;
    }

    public Uni<Void> record(ResponseReady response) {
        if (response.outcome() == ResponseOutcome.HANDED_BACK) {
            return Panache.withTransaction(() -> handBack(response))
                    .chain(reroute -> reroute == null ? Uni.createFrom().voidItem()
                            : delivery.send(reroute.query(), reroute.routing()).replaceWithVoid());
        }
        return Panache.withTransaction(() -> answer(response));
    }

    private Uni<Void> answer(ResponseReady response) {
        return known(response.queryId(), response.studentId())
                .invoke(query -> {
                    boolean lateAnswer = query.status == QueryStatus.FAILED && query.answeredBy == null
                            && response.outcome() == ResponseOutcome.ANSWERED;
                    if (query.isFinished() && !lateAnswer) {
                        LOG.debugf("query %s is already %s; answer from %s ignored", query.id, query.status,
                                response.answeredBy());
                        return;
                    }
                    if (response.answeredBy() == query.handedBackBy) {
                        LOG.infof("query %s was handed back by %s and routed to %s; its answer is ignored", query.id,
                                response.answeredBy(), query.queryType.answeredBy());
                        return;
                    }
                    Instant now = Instant.now();
                    query.answeredBy = response.answeredBy();
                    query.updatedAt = now;
                    query.answeredAt = now;
                    if (response.outcome() == ResponseOutcome.ANSWERED) {
                        query.status = QueryStatus.COMPLETED;
                        query.answerType = response.responseType();
                        query.answerContent = response.content();
                        query.failureReason = null;
                    } else {
                        query.status = QueryStatus.FAILED;
                        query.failureReason = response.failureReason();
                    }
                    LOG.infof("query %s %s by %s%s", query.id, query.status, response.answeredBy(),
                            lateAnswer ? ", after the re-drive had given it up" : "");
                    metrics.finished(query);
                })
                .replaceWithVoid();
    }

    /**
     * A specialist cannot serve the query it was routed: triage routes it once more, where the specialist suggests,
     * recorded as a routing from that specialist. Only the specialist the query is routed to may hand it back, and
     * only once per query: the same hand-back delivered again changes nothing, and a hand-back of a query already
     * routed again (which specialists do not send) ends it as failed rather than start a loop.
     */
    private Uni<Reroute> handBack(ResponseReady response) {
        return known(response.queryId(), response.studentId())
                .chain(query -> {
                    ServiceName from = response.answeredBy();
                    if (query.isFinished() || query.handedBackBy == from || query.queryType.answeredBy() != from) {
                        LOG.debugf("query %s (%s, routed to %s) not handed back again by %s", query.id, query.status,
                                query.queryType.answeredBy(), from);
                        return Uni.createFrom().nullItem();
                    }
                    Instant now = Instant.now();
                    query.updatedAt = now;
                    if (query.handedBackBy != null || response.suggestedType() == query.queryType) {
                        query.status = QueryStatus.FAILED;
                        query.answeredBy = from;
                        query.answeredAt = now;
                        query.failureReason = "No tutor could take this question (" + response.handBackReason()
                                + "). Please rephrase it or say what kind of help you want.";
                        LOG.warnf("query %s handed back a second time, by %s: failed", query.id, from);
                        metrics.finished(query);
                        return Uni.createFrom().nullItem();
                    }
                    query.handedBackBy = from;
                    query.queryType = response.suggestedType();
                    query.routingReason = "handed back by " + from.json() + ": " + response.handBackReason();
                    metrics.handedBack(from, query.queryType);
                    if (query.queryType == QueryType.OTHER) {
                        TriageReplies.answer(query);
                        metrics.finished(query);
                        return Uni.createFrom().nullItem();
                    }
                    query.attempts++;
                    ServiceRouting routing = delivery.plan(query, query.attempts);
                    LOG.infof("query %s handed back by %s (%s), routed to %s", query.id, from,
                            response.handBackReason(), routing.targetService);
                    return routings.persist(routing).replaceWith(new Reroute(query, routing));
                });
    }

    /**
     * A specialist has started on the query: pending or routed becomes processing, in one conditional update, so that
     * an answer stored at the same moment (on its own topic, by another consumer) is never overwritten.
     */
    @WithTransaction
    public Uni<Void> markProcessing(QueryProcessing processing) {
        return known(processing.queryId(), processing.studentId())
                .chain(query -> queries.markProcessing(query.id, Instant.now()))
                .invoke(moved -> LOG.debugf("query %s %s by %s (attempt %d)", processing.queryId(),
                        moved == 1 ? "is being processed" : "already has its answer; processing notice ignored",
                        processing.service(), processing.attempt()))
                .replaceWithVoid();
    }

    private Uni<StudentQuery> known(UUID queryId, UUID studentId) {
        return queries.findOwnedForUpdate(queryId, studentId)
                .onItem().ifNull().failWith(() -> new UnknownQueryException(queryId, studentId));
    }

    private record Reroute(StudentQuery query, ServiceRouting routing) {
    }

    /** An event about a query triage does not know for that student: a record for the dead-letter topic. */
    public static class UnknownQueryException extends RuntimeException {
        UnknownQueryException(UUID queryId, UUID studentId) {
            super("no query " + queryId + " of student " + studentId);
        }
    }
}
