package io.learnflow.progress.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.learnflow.model.LearningModule;
import io.learnflow.model.StruggleReason;

/**
 * A struggle alert: raised once per episode (one reason in one scope, such as a module's error category or a
 * session), resolved by a teacher or by the student's next success.
 */
@Entity
@Table(name = "struggle_alert")
public class StruggleAlert {

    public static final String RESOLVED_BY_TEACHER = "teacher";
    public static final String RESOLVED_BY_SUCCESS = "success";

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StruggleReason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LearningModule module;

    @Column(name = "exercise_id")
    public String exerciseId;

    @Column(name = "error_category")
    public String errorCategory;

    @Column(name = "session_id")
    public UUID sessionId;

    /** What one episode is about: the reason's module, error category, exercise or session. */
    @Column(name = "scope_key", nullable = false)
    public String scopeKey;

    @Column(nullable = false)
    public String evidence;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "raised_by_event", nullable = false)
    public UUID raisedByEvent;

    @Column(name = "query_id", nullable = false)
    public UUID queryId;

    /** The id of the StruggleDetected event, the same on every publication. */
    @Column(name = "published_event_id", nullable = false)
    public UUID publishedEventId;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolver_id")
    public UUID resolverId;
}
