package io.learnflow.progress.api;

import java.time.Instant;

import io.learnflow.model.LearningModule;

public record ModuleProgress(LearningModule module, int attempts, int successes, int completedExercises,
        int mastery, int streakDays, Instant lastPracticedAt) {
}
