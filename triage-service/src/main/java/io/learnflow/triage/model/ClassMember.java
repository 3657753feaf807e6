package io.learnflow.triage.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A student in a teacher's class, as progress (which owns classes) announced it: whose queries a teacher may read. */
@Entity
@Table(name = "class_member")
@IdClass(ClassMember.Key.class)
public class ClassMember {

    @Id
    @Column(name = "class_id")
    public UUID classId;

    @Id
    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "teacher_id", nullable = false)
    public UUID teacherId;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    /** The key: one row per class and student. */
    public static class Key implements Serializable {

        public UUID classId;
        public UUID studentId;

        public Key() {
        }

        public Key(UUID classId, UUID studentId) {
            this.classId = classId;
            this.studentId = studentId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(classId, key.classId)
                    && Objects.equals(studentId, key.studentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classId, studentId);
        }
    }
}
