package io.learnflow.progress.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A student's tutoring session as progress sees it: its active time and the active time since the last pass. The id
 * is the session's, or the student's own for interactions that name no session.
 */
@Entity
@Table(name = "learning_session")
public class LearningSession {

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @Column(name = "active_seconds", nullable = false)
    public long activeSeconds;

    @Column(name = "active_seconds_since_pass", nullable = false)
    public long activeSecondsSincePass;

    @Column(name = "last_pass_at")
    public Instant lastPassAt;
}
