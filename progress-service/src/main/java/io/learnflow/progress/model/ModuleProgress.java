package io.learnflow.progress.model;

import java.time.Instant;

import io.learnflow.model.LearningModule;

/** A student's progress in one module, as the student and their teacher see it. */
public record ModuleProgress(LearningModule module, int attempts, int successes, int completedExercises,
        int mastery, int streakDays, Instant lastPracticedAt) {
}
