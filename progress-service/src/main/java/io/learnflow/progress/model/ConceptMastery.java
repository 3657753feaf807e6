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

/** P(known) of one concept of a module (for example {@code for-loop} in loops), from the evidence that names it. */
@Entity
@Table(name = "concept_mastery")
public class ConceptMastery {

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LearningModule module;

    @Column(name = "concept_tag", nullable = false)
    public String conceptTag;

    @Column(name = "p_known", nullable = false)
    public double pKnown;

    @Column(name = "attempts_count", nullable = false)
    public int attemptsCount;

    @Column(name = "success_count", nullable = false)
    public int successCount;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
