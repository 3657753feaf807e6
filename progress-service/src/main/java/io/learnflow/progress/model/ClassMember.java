package io.learnflow.progress.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A student in a class, with their email and name as their token gave them when they last joined a class. */
@Entity
@Table(name = "class_member")
public class ClassMember {

    @Id
    public UUID id;

    @Column(name = "class_id", nullable = false)
    public UUID classId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "email")
    public String email;

    @Column(name = "name")
    public String name;
}
