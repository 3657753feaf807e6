package io.learnflow.triage.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.learnflow.model.Difficulty;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryStatus;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;

/**
 * A student's query and the answer they see. The row is also triage's outbox: until it is completed or failed, the
 * re-drive job republishes it.
 */
@Entity
@Table(name = "student_query")
public class StudentQuery {

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "query_text", nullable = false)
    public String queryText;

    public String code;

    @Column(name = "error_text")
    public String errorText;

    /** Optional: the input to run the student's code with. */
    public String stdin;

    /** Optional: tests for the student's code. */
    public String tests;

    @Column(name = "exercise_id")
    public String exerciseId;

    /** The student's IANA time zone when they asked, passed on to the specialists. */
    @Column(name = "time_zone")
    public String timeZone;

    @Enumerated(EnumType.STRING)
    public LearningModule module;

    @Enumerated(EnumType.STRING)
    public Difficulty difficulty;

    @Enumerated(EnumType.STRING)
    @Column(name = "query_type", nullable = false)
    public QueryType queryType;

    @Column(nullable = false)
    public double confidence;

    @Column(name = "routing_reason", nullable = false)
    public String routingReason;

    @Column(nullable = false)
    public String classifier;

    /** The question triage answered with, not being sure what the message asks for; null if it routed it. */
    @Column(name = "clarifying_question")
    public String clarifyingQuestion;

    /** The query whose clarifying question this one answers. */
    @Column(name = "follows_query_id")
    public UUID followsQueryId;

    /** The earlier message this one answers a clarifying question about; sent to the specialist before the text. */
    @Column(name = "context_text")
    public String contextText;

    /**
     * The specialist that handed this query back as one it cannot serve; triage then routed it once more, to the
     * current {@code queryType}. Set at most once: a second hand-back is refused.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "handed_back_by")
    public ServiceName handedBackBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QueryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Enumerated(EnumType.STRING)
    @Column(name = "answered_by")
    public ServiceName answeredBy;

    @Column(name = "answer_type")
    public String answerType;

    @Column(name = "answer_content")
    public String answerContent;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "feedback_rating")
    public Integer feedbackRating;

    @Column(name = "feedback_comment")
    public String feedbackComment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** Whether triage answers this query itself: small talk, misuse and clarifying questions. */
    public boolean answeredByTriage() {
        return queryType == QueryType.OTHER || clarifyingQuestion != null;
    }

    /** What the specialist reads: the student's message, after the earlier one it clarifies. */
    public String textWithContext() {
        return contextText == null ? queryText : contextText + "\n" + queryText;
    }

    public boolean isFinished() {
        return status == QueryStatus.COMPLETED || status == QueryStatus.FAILED;
    }
}
