package io.learnflow.concepts.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A student's tutoring session as the concepts tutor remembers it: the entry its last answer came from. */
@Entity
@Table(name = "tutoring_session")
public class TutoringSession {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "last_entry_id", nullable = false)
    public String lastEntryId;

    @Column(name = "last_query_id", nullable = false)
    public UUID lastQueryId;

    @Column(nullable = false)
    public int turns;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
