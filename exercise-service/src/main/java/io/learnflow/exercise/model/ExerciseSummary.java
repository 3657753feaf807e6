package io.learnflow.exercise.model;

import java.util.List;

import io.learnflow.model.LearningModule;

/** One line of the bank's listing. */
public record ExerciseSummary(String id, ExerciseKind kind, String title, LearningModule module,
        ExerciseDifficulty difficulty, int estimatedMinutes, List<String> tags) {

    public static ExerciseSummary of(Exercise e) {
        return new ExerciseSummary(e.id, e.kind, e.title, e.module, e.difficulty, e.estimatedCompletionTime,
                ExerciseJson.tags(e));
    }
}
