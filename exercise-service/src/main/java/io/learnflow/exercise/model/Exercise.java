package io.learnflow.exercise.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.learnflow.model.Difficulty;
import io.learnflow.model.LearningModule;

/** A problem of the bank: what to write, the checks it must pass, and a reference solution never shown to students. */
@Entity
@Table(name = "exercise")
public class Exercise {

    @Id
    public String id;

    @Column(name = "source_task_id", nullable = false)
    public int sourceTaskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LearningModule module;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Difficulty difficulty;

    @Column(name = "function_name", nullable = false)
    public String functionName;

    @Column(nullable = false)
    public String prompt;

    @Column(name = "reference_solution", nullable = false)
    public String referenceSolution;

    @Column(name = "test_setup")
    public String testSetup;

    /** The asserts, as a JSON array of strings. */
    @Column(nullable = false)
    public String tests;
}
