package io.learnflow.specialist.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseOutcome;

/** A specialist's answer to one query; at most one per query, whatever the number of deliveries. */
@Entity
@Table(name = "learning_response")
public class LearningResponse {

    @Id
    public UUID id;

    @Column(name = "query_id", nullable = false, unique = true)
    public UUID queryId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "query_type", nullable = false)
    public QueryType queryType;

    @Enumerated(EnumType.STRING)
    public LearningModule module;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResponseOutcome outcome;

    @Column(name = "response_type")
    public String responseType;

    public String content;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(nullable = false)
    public String tutor;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "processing_ms", nullable = false)
    public long processingMs;

    @Column(name = "response_event_id", nullable = false)
    public UUID responseEventId;

    @Column(name = "feedback_rating")
    public Integer feedbackRating;

    @Column(name = "feedback_comment")
    public String feedbackComment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Who produced the answer: {@code offline} for the embedded tutors, or the model provider. */
    @Column(name = "ai_provider")
    public String aiProvider;

    @Column(name = "ai_model")
    public String aiModel;

    /** The model's tokens for this answer (the request log has the detail); null for an offline answer. */
    @Column(name = "tokens_used")
    public Integer tokensUsed;

    @Column(name = "response_format")
    public String responseFormat;

    @Column(name = "confidence_score")
    public Double confidenceScore;
}
