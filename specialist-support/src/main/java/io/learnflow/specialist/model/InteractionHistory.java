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

/** The interaction a specialist reports to progress for one query. */
@Entity
@Table(name = "interaction_history")
public class InteractionHistory {

    @Id
    public UUID id;

    @Column(name = "query_id", nullable = false, unique = true)
    public UUID queryId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "interaction_type", nullable = false)
    public QueryType interactionType;

    @Enumerated(EnumType.STRING)
    public LearningModule module;

    @Column(nullable = false)
    public boolean successful;

    @Column(name = "exercise_id")
    public String exerciseId;

    @Column(name = "tests_passed")
    public Integer testsPassed;

    @Column(name = "tests_total")
    public Integer testsTotal;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The novice error recognised in the student's code (a catalogue id), if any. */
    @Column(name = "error_category")
    public String errorCategory;

    /** Whether the student's code passed its tests, where it was run against tests. */
    @Column(name = "code_passes")
    public Boolean codePasses;
}
