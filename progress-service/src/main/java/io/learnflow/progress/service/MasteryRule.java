package io.learnflow.progress.service;

import java.time.LocalDate;

/**
 * How practice turns into mastery and streaks. Mastery is the share of successful interactions, shrunk towards zero
 * while there are few of them (two phantom unsuccessful attempts), plus a bonus for completed exercises, capped at 100.
 */
final class MasteryRule {

    private static final int PRIOR_ATTEMPTS = 2;
    private static final int POINTS_PER_COMPLETED_EXERCISE = 5;

    private MasteryRule() {
    }

    static int mastery(int attempts, int successes, int completedExercises) {
        double successShare = (double) successes / (attempts + PRIOR_ATTEMPTS);
        long score = Math.round(100 * successShare) + (long) POINTS_PER_COMPLETED_EXERCISE * completedExercises;
        return (int) Math.min(100, score);
    }

    static int streak(int currentStreak, LocalDate lastPracticed, LocalDate practiced) {
        if (lastPracticed == null) {
            return 1;
        }
        if (!practiced.isAfter(lastPracticed)) {
            return Math.max(currentStreak, 1);
        }
        return practiced.equals(lastPracticed.plusDays(1)) ? currentStreak + 1 : 1;
    }
}
