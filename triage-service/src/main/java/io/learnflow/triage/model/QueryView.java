package io.learnflow.triage.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.learnflow.model.Difficulty;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryStatus;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;

/**
 * The student's view of one of their queries, triage's read model, served as it is: its status, how it was routed,
 * and the answer once there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryView(
        UUID id,
        UUID sessionId,
        String queryText,
        LearningModule module,
        Difficulty difficulty,
        QueryStatus status,
        Routing routing,
        Answer answer,
        String failureReason,
        Feedback feedback,
        int attempts,
        Instant createdAt,
        Instant answeredAt) {

    public record Routing(QueryType type, double confidence, String reason, String classifier) {
    }

    public record Answer(ServiceName answeredBy, String type, String content) {
    }

    public record Feedback(int rating, String comment) {
    }

    /** The view of a query as this instance holds it, the same as a read of its row would give. */
    public static QueryView of(StudentQuery query) {
        return new QueryView(query.id, query.sessionId, query.queryText, query.module, query.difficulty, query.status,
                new Routing(query.queryType, query.confidence, query.routingReason, query.classifier),
                query.answeredBy == null ? null : new Answer(query.answeredBy, query.answerType, query.answerContent),
                query.failureReason,
                query.feedbackRating == null ? null : new Feedback(query.feedbackRating, query.feedbackComment),
                query.attempts, query.createdAt, query.answeredAt);
    }

    public boolean finished() {
        return status == QueryStatus.COMPLETED || status == QueryStatus.FAILED;
    }
}
