package io.learnflow.progress.model;

import java.time.Instant;

import io.learnflow.model.LearningModule;

/**
 * A student's progress in one module, as the student and their teacher see it.
 *
 * @param attempts             pieces of evidence (graded submissions, quiz answers, debug runs with a known result)
 * @param successes            of those, the successes
 * @param questions            questions asked (engagement, not evidence)
 * @param mastery              {@code masteryPercentage} rounded
 * @param masteryPercentage    100 · P(known), one decimal
 * @param totalLearningMinutes active time, gaps over ten minutes not counted
 */
public record ModuleProgress(LearningModule module, int attempts, int successes, int questions,
        int completedExercises, int mastery, double masteryPercentage, int streakDays, long totalLearningMinutes,
        Instant lastPracticedAt, Instant createdAt, Instant updatedAt) {

    public static ModuleProgress of(StudentProgress p) {
        return new ModuleProgress(p.module, p.attemptsCount, p.successCount, p.questionsCount, p.completedExercises,
                (int) Math.round(p.masteryPercentage), Math.round(p.masteryPercentage * 10) / 10.0, p.streakDays,
                p.totalLearningSeconds / 60, p.lastPracticedAt, p.createdAt, p.updatedAt);
    }
}
