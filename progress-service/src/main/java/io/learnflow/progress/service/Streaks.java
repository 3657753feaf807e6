package io.learnflow.progress.service;

import java.time.LocalDate;

/** Consecutive days of practice, counted on the student's own calendar. */
final class Streaks {

    private Streaks() {
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
