package io.learnflow.triage.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.QueryRouted;
import io.learnflow.model.RoutingDecision;
import io.learnflow.model.ServiceName;
import io.learnflow.support.messaging.EventPublisher;
import io.learnflow.triage.model.ServiceRouting;
import io.learnflow.triage.model.StudentQuery;
import io.learnflow.triage.repository.QueryStatusStatements;
import io.smallrye.mutiny.Uni;

/**
 * Delivers a query to the specialist that answers it. Every delivery, first or re-driven, is recorded as a
 * {@link ServiceRouting} together with what became of it: sent, or not sent and why.
 */
@ApplicationScoped
public class QueryDelivery {

    private static final Logger LOG = Logger.getLogger(QueryDelivery.class);

    private final EventPublisher publisher;
    private final QueryStatusStatements statements;

    public QueryDelivery(EventPublisher publisher, QueryStatusStatements statements) {
        this.publisher = publisher;
        this.statements = statements;
    }

    /**
     * The routing record of the next delivery of this query; persist it in the transaction that decides to deliver. A
     * query handed back by a specialist is routed from that specialist.
     */
    public ServiceRouting plan(StudentQuery query, int attempt) {
        ServiceRouting routing = new ServiceRouting();
        routing.id = UUID.randomUUID();
        routing.queryId = query.id;
        routing.originalService = query.handedBackBy != null ? query.handedBackBy : ServiceName.TRIAGE;
        routing.targetService = query.queryType.answeredBy();
        routing.routingReason = query.routingReason;
        routing.confidence = query.confidence;
        routing.kafkaTopic = query.queryType.queryTopic();
        routing.kafkaMessageId = UUID.randomUUID();
        routing.attempt = attempt;
        routing.routedAt = Instant.now();
        return routing;
    }

    /**
     * Publishes the planned delivery and records the outcome: a sent query is {@code routed}; a failure is recorded
     * and left to the re-drive job, never lost.
     */
    public Uni<Boolean> send(StudentQuery query, ServiceRouting routing) {
        return publisher.publish(routing.kafkaTopic, query.studentId, routedQuery(query, routing))
                .replaceWith((String) null)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("query %s not delivered to %s (attempt %d), the re-drive job will retry: %s", query.id,
                            routing.kafkaTopic, routing.attempt, failure.getMessage());
                    return "not sent: " + failure.getMessage();
                })
                .chain(refusal -> (refusal == null
                        ? statements.recordSent(routing.id, query.id, Instant.now())
                        : statements.recordNotSent(routing.id, refusal, Instant.now()))
                        .map(recorded -> refusal == null));
    }

    private static QueryRouted routedQuery(StudentQuery query, ServiceRouting routing) {
        return new QueryRouted(routing.kafkaMessageId, routing.routedAt, query.id, query.studentId, query.textWithContext(),
                query.code, query.errorText, query.sessionId, query.module, query.difficulty,
                new RoutingDecision(query.queryType, query.confidence, query.routingReason, query.classifier),
                routing.attempt, query.stdin, query.tests, query.exerciseId, query.timeZone, query.handedBackBy);
    }
}
