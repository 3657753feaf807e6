package io.learnflow.progress.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.learnflow.model.QueryType;

/** One entry of the append-only analytics stream: a query asked or answered, a rating, a graded submission. */
@Entity
@Table(name = "learning_event")
public class LearningEvent {

    public enum Kind {
        QUERY_ASKED, QUERY_ANSWERED, FEEDBACK_GIVEN, SUBMISSION_GRADED
    }

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "query_id", nullable = false)
    public UUID queryId;

    @Enumerated(EnumType.STRING)
    @Column(name = "query_type")
    public QueryType queryType;

    public Integer rating;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
