package io.learnflow.exercise.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A student's code (or quiz answer) for an exercise and what grading made of it. The row is the grading's outbox: a
 * submission not graded within the re-drive deadline is delivered to the graders again.
 */
@Entity
@Table(name = "exercise_submission")
public class ExerciseSubmission {

    public static final String SYSTEM_GRADER = "system";

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "exercise_id", nullable = false)
    public String exerciseId;

    /** The routed query it came with, for a "check my solution" question. */
    @Column(name = "query_id", unique = true)
    public UUID queryId;

    public String code;

    /** A quiz answer: the chosen option's id. */
    public String answer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionStatus status;

    public Integer grade;

    @Column(name = "automated_tests_passed")
    public Integer automatedTestsPassed;

    @Column(name = "total_tests")
    public Integer totalTests;

    @Column(name = "execution_time_ms")
    public Long executionTimeMs;

    @Column(name = "memory_usage_kb")
    public Long memoryUsageKb;

    @Column(name = "limit_hit")
    public String limitHit;

    public String feedback;

    /** JSON array of what the student may see of each test ({@code TestResultView}). */
    @Column(name = "test_feedback")
    public String testFeedback;

    @Column(name = "error_category")
    public String errorCategory;

    /** Why a person must grade it (manual review). */
    @Column(name = "review_reason")
    public String reviewReason;

    public String grader;

    @Column(name = "grading_attempts", nullable = false)
    public int gradingAttempts;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    /** When the broker last took the submission for the graders. */
    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "grading_started_at")
    public Instant gradingStartedAt;

    @Column(name = "graded_at")
    public Instant gradedAt;

    @Column(name = "interaction_event_id", unique = true)
    public UUID interactionEventId;

    @Column(name = "interaction_published_at")
    public Instant interactionPublishedAt;

    public boolean solved() {
        return status == SubmissionStatus.GRADED && automatedTestsPassed != null
                && automatedTestsPassed.equals(totalTests) && totalTests > 0;
    }
}
