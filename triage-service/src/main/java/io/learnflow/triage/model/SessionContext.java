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

/** Where a student is in a tutoring session: the module and difficulty later queries of the session inherit. */
@Entity
@Table(name = "session_context")
public class SessionContext {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_module")
    public LearningModule currentModule;

    @Enumerated(EnumType.STRING)
    public Difficulty difficulty;

    @Column(name = "query_count", nullable = false)
    public int queryCount;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "last_active_at", nullable = false)
    public Instant lastActiveAt;
}
