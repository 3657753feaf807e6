package io.learnflow.triage.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.RoutingDecision;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.support.messaging.EventPublisher;
import io.learnflow.triage.classification.Glossary;
import io.learnflow.triage.classification.ReadMessage;
import io.learnflow.triage.classification.StudentMessage;
import io.learnflow.triage.model.ServiceRouting;
import io.learnflow.triage.model.StudentQuery;
import io.smallrye.mutiny.Uni;

/**
 * Delivers a query to the service that answers it: a specialist's topic, or, for {@code other}, triage's own answer on
 * the response topic. Every delivery, first or re-driven, is recorded as a {@link ServiceRouting}.
 */
@ApplicationScoped
public class QueryDelivery {

    private static final Logger LOG = Logger.getLogger(QueryDelivery.class);
    private static final Glossary GLOSSARY = Glossary.shipped();

    private final EventPublisher publisher;

    public QueryDelivery(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** The routing record of the next delivery of this query; persist it in the transaction that decides to deliver. */
    public ServiceRouting plan(StudentQuery query, int attempt) {
        ServiceRouting routing = new ServiceRouting();
        routing.id = UUID.randomUUID();
        routing.queryId = query.id;
        routing.originalService = ServiceName.TRIAGE;
        routing.targetService = query.answeredByTriage() ? ServiceName.TRIAGE : targetOf(query.queryType);
        routing.routingReason = query.routingReason;
        routing.confidence = query.confidence;
        routing.kafkaTopic = query.answeredByTriage() ? Topics.RESPONSE : Topics.queryTopicFor(query.queryType);
        routing.kafkaMessageId = UUID.randomUUID();
        routing.attempt = attempt;
        routing.routedAt = Instant.now();
        return routing;
    }

    /** Publishes the planned delivery; a failure is logged and left to the re-drive job, never lost. */
    public Uni<Boolean> send(StudentQuery query, ServiceRouting routing) {
        Object event = query.answeredByTriage() ? triageAnswer(query, routing) : routedQuery(query, routing);
        return publisher.publish(routing.kafkaTopic, query.studentId, event)
                .replaceWith(true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("query %s not delivered to %s (attempt %d), the re-drive job will retry: %s", query.id,
                            routing.kafkaTopic, routing.attempt, failure.getMessage());
                    return false;
                });
    }

    private static QueryRouted routedQuery(StudentQuery query, ServiceRouting routing) {
        return new QueryRouted(routing.kafkaMessageId, routing.routedAt, query.id, query.studentId, query.textWithContext(),
                query.code, query.errorText, query.sessionId, query.module, query.difficulty,
                new RoutingDecision(query.queryType, query.confidence, query.routingReason, query.classifier),
                routing.attempt);
    }

    private static ResponseReady triageAnswer(StudentQuery query, ServiceRouting routing) {
        boolean clarifying = query.clarifyingQuestion != null;
        String reply = clarifying ? query.clarifyingQuestion
                : TriageReplies.replyTo(ReadMessage.of(new StudentMessage(query.queryText, query.code, query.errorText),
                        GLOSSARY));
        return new ResponseReady(routing.kafkaMessageId, routing.routedAt, query.id, query.studentId, ServiceName.TRIAGE,
                ResponseOutcome.ANSWERED, clarifying ? "clarifying_question" : "reply", reply, null, query.module, null);
    }

    private static ServiceName targetOf(QueryType type) {
        return switch (type) {
            case CONCEPT -> ServiceName.CONCEPTS;
            case DEBUG -> ServiceName.DEBUG;
            case EXERCISE -> ServiceName.EXERCISE;
            case OTHER -> ServiceName.TRIAGE;
        };
    }
}
