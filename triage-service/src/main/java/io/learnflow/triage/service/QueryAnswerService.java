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
import io.learnflow.triage.repository.QueryStatusStatements;
import io.learnflow.triage.repository.ServiceRoutingRepository;
import io.learnflow.triage.repository.StudentQueryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
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
    private final QueryStatusStatements statements;

    public QueryAnswerService(StudentQueryRepository queries, ServiceRoutingRepository routings, QueryDelivery delivery,
            QueryMetrics metrics, QueryStatusStatements statements) {
        this.queries = queries;
        this.routings = routings;
        this.delivery = delivery;
        this.metrics = metrics;
        this.statements = statements;
    }

    public Uni<Void> record(ResponseReady response) {
        if (response.outcome() == ResponseOutcome.HANDED_BACK) {
            return Panache.withTransaction(() -> handBack(response))
                    .chain(reroute -> reroute == null ? Uni.createFrom().voidItem()
                            : delivery.send(reroute.query(), reroute.routing()).replaceWithVoid());
        }
        return answer(response);
    }

    private Uni<Void> answer(ResponseReady response) {
        boolean answered = response.outcome() == ResponseOutcome.ANSWERED;
        return statements.recordAnswer(response.queryId(), response.studentId(), response.answeredBy(),
                answered ? QueryStatus.COMPLETED : QueryStatus.FAILED,
                answered ? response.responseType() : null, answered ? response.content() : null,
                answered ? null : response.failureReason(), Instant.now())
                .chain(finished -> {
                    if (finished != null) {
                        LOG.infof("query %s %s by %s%s", response.queryId(), finished.status(), response.answeredBy(),
                                finished.replacedFailure() ? ", after the re-drive had given it up" : "");
                        metrics.finished(finished);
                        return Uni.createFrom().voidItem();
                    }
                    return ignoredUnlessUnknown(response.queryId(), response.studentId(),
                            "is finished or was handed back by " + response.answeredBy() + "; its answer is ignored");
                });
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
     * an answer stored at the same moment (on its own topic, by another consumer) is never overwritten. Only when
     * nothing moved is the query looked up, to tell a finished one from one triage does not know.
     */
    public Uni<Void> markProcessing(QueryProcessing processing) {
        UUID queryId = processing.queryId();
        UUID studentId = processing.studentId();
        return statements.markProcessing(queryId, studentId, Instant.now())
                .chain(moved -> moved == 1 ? Uni.createFrom().voidItem()
                        : ignoredUnlessUnknown(queryId, studentId,
                                "already has its answer; processing notice from " + processing.service() + " ignored"));
    }

    /** An event that changed nothing: fine for a query triage knows, a record for the dead-letter topic otherwise. */
    private Uni<Void> ignoredUnlessUnknown(UUID queryId, UUID studentId, String why) {
        return statements.exists(queryId, studentId).invoke(known -> {
            if (!known) {
                throw new UnknownQueryException(queryId, studentId);
            }
            LOG.debugf("query %s %s", queryId, why);
        }).replaceWithVoid();
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
