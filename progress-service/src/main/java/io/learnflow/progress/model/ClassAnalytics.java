package io.learnflow.progress.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a class's students did over the last days, for their teacher.
 *
 * @param medianTimeToAnswerMs from routing a query to its answer, over the answered queries; null when none
 * @param averageFeedbackRating 1–5 over the ratings given; null when none
 */
public record ClassAnalytics(UUID classId, LocalDate from, LocalDate to, List<Day> days, int queriesAnswered,
        Long medianTimeToAnswerMs, int feedbackCount, Double averageFeedbackRating) {

    /** One day, in the teacher's time zone: students active, queries asked by type, submissions graded. */
    public record Day(LocalDate day, int activeStudents, Map<String, Integer> queriesByType,
            int submissionsGraded) {
    }
}
