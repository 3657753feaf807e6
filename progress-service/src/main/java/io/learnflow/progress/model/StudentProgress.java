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

/** A student's standing in one module. */
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

    @Column(nullable = false)
    public int attempts;

    @Column(nullable = false)
    public int successes;

    @Column(name = "completed_exercises", nullable = false)
    public int completedExercises;

    /** 0 to 100. */
    @Column(nullable = false)
    public int mastery;

    /** Consecutive days, up to the last one, on which the student practised this module. */
    @Column(name = "streak_days", nullable = false)
    public int streakDays;

    @Column(name = "last_practiced_on", nullable = false)
    public LocalDate lastPracticedOn;

    @Column(name = "last_practiced_at", nullable = false)
    public Instant lastPracticedAt;
}
