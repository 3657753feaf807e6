package io.learnflow.progress.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.learnflow.model.LearningModule;

/** A student's standing in one module (the data model's Student Progress). */
@Entity
@Table(name = "student_progress")
public class StudentProgress {

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LearningModule module;

    /** Pieces of evidence: graded submissions, quiz answers, debug runs whose result is known. */
    @Column(name = "attempts_count", nullable = false)
    public int attemptsCount;

    /** Evidence that was a success; never more than {@link #attemptsCount}. */
    @Column(name = "success_count", nullable = false)
    public int successCount;

    /** Questions asked: engagement, not evidence. */
    @Column(name = "questions_count", nullable = false)
    public int questionsCount;

    /** Distinct exercises passed. */
    @Column(name = "completed_exercises", nullable = false)
    public int completedExercises;

    /** BKT's P(known) after the last evidence. */
    @Column(name = "p_known", nullable = false)
    public double pKnown;

    /** 100 · {@link #pKnown}. */
    @Column(name = "mastery_percentage", nullable = false)
    public double masteryPercentage;

    /** Consecutive days, up to the last one, on which the student practised this module, in their time zone. */
    @Column(name = "streak_days", nullable = false)
    public int streakDays;

    @Column(name = "last_practiced_on", nullable = false)
    public LocalDate lastPracticedOn;

    @Column(name = "last_practiced_at", nullable = false)
    public Instant lastPracticedAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    /** Active time in this module's interactions (gaps over ten minutes not counted). */
    @Column(name = "total_learning_seconds", nullable = false)
    public long totalLearningSeconds;

    /** The student's IANA time zone as last reported. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
