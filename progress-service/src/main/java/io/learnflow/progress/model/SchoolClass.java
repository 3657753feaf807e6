package io.learnflow.progress.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A teacher's class, which students join with its code. */
@Entity
@Table(name = "school_class")
public class SchoolClass {

    @Id
    public UUID id;

    @Column(name = "teacher_id", nullable = false)
    public UUID teacherId;

    @Column(nullable = false)
    public String name;

    @Column(name = "join_code", nullable = false, unique = true)
    public String joinCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
