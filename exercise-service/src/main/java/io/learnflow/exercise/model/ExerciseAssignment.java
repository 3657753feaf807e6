package io.learnflow.exercise.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An exercise handed to a student in answer to one of their queries. */
@Entity
@Table(name = "exercise_assignment")
public class ExerciseAssignment {

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "exercise_id", nullable = false)
    public String exerciseId;

    @Column(name = "query_id", nullable = false, unique = true)
    public UUID queryId;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;
}
