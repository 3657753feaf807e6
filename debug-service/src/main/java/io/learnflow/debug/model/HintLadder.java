package io.learnflow.debug.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How far up the hint ladder one student is on one problem (an exercise, or the code's functions in a session). */
@Entity
@Table(name = "hint_ladder")
public class HintLadder {

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "problem_key", nullable = false)
    public String problemKey;

    /** The last step given, 1 to 4. */
    @Column(nullable = false)
    public int step;

    @Column(name = "last_query_id", nullable = false)
    public UUID lastQueryId;

    @Column(name = "error_category")
    public String errorCategory;

    @Column(name = "suspect_line")
    public Integer suspectLine;

    /** The localisation's confidence, in [0, 1]. */
    @Column(name = "confidence_score")
    public Double confidenceScore;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
