package io.learnflow.progress.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.learnflow.model.InteractionKind;
import io.learnflow.model.LearningModule;

/** One reported interaction as progress counted it: evidence (with its result) or engagement only. */
@Entity
@Table(name = "interaction")
public class LoggedInteraction {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "query_id", nullable = false)
    public UUID queryId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LearningModule module;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InteractionKind kind;

    @Column(nullable = false)
    public boolean evidence;

    /** For evidence, whether it was a success; null otherwise. */
    public Boolean correct;

    public Integer grade;

    @Column(name = "concept_tag")
    public String conceptTag;

    @Column(name = "exercise_id")
    public String exerciseId;

    @Column(name = "error_category")
    public String errorCategory;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** For evidence, the module's mastery (0–100) right after it. */
    @Column(name = "mastery_after")
    public Double masteryAfter;
}
