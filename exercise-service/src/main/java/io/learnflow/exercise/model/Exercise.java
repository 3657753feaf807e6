package io.learnflow.exercise.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.learnflow.model.LearningModule;

/**
 * A problem of the bank: a coding exercise (what to write, its tests, a reference solution never shown to students)
 * or a multiple-choice question (options, answer key). The list-valued columns hold JSON ({@link ExerciseJson}).
 */
@Entity
@Table(name = "exercise")
public class Exercise {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExerciseKind kind;

    @Column(name = "source_task_id")
    public Integer sourceTaskId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "topic", nullable = false)
    public LearningModule module;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExerciseDifficulty difficulty;

    /** The tagger's complexity score (tools/build_exercise_bank.py): orders exercises within a difficulty. */
    @Column(nullable = false)
    public int complexity;

    @Column(name = "function_name")
    public String functionName;

    @Column(name = "problem_description", nullable = false)
    public String problemDescription;

    @Column(name = "starter_code")
    public String starterCode;

    @Column(name = "solution_code")
    public String solutionCode;

    @Column(name = "test_setup_code")
    public String testSetupCode;

    /** JSON array of {@link ExerciseTestCase}. */
    @Column(name = "test_cases")
    public String testCases;

    /** JSON array of strings, from the gentlest hint to the most specific. */
    @Column(nullable = false)
    public String hints;

    /** Minutes. */
    @Column(name = "estimated_completion_time", nullable = false)
    public int estimatedCompletionTime;

    /** JSON array of strings. */
    @Column(nullable = false)
    public String tags;

    /** JSON array of {@link QuizOption}. */
    public String options;

    @Column(name = "answer_key")
    public String answerKey;

    @Column(name = "rationale_right")
    public String rationaleRight;

    @Enumerated(EnumType.STRING)
    @Column(name = "cognitive_level")
    public CognitiveLevel cognitiveLevel;

    /** The teacher who wrote it; null for the shipped bank. */
    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
