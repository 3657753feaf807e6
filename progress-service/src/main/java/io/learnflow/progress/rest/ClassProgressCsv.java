package io.learnflow.progress.rest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.learnflow.progress.model.ClassRoster;
import io.learnflow.progress.model.ModuleProgress;
import io.learnflow.progress.model.StudentSummary;

/** A class's progress as CSV (RFC 4180): one row per student and module, a student with no module on a row alone. */
final class ClassProgressCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> HEADER = List.of("student_id", "email", "name", "module", "attempts_count",
            "success_count", "mastery_percentage", "completed_exercises", "questions_count", "streak_days",
            "total_learning_minutes", "last_practiced_at", "open_alerts");

    private ClassProgressCsv() {
    }

    static String of(ClassRoster roster) {
        StringBuilder csv = new StringBuilder(line(HEADER.stream()));
        for (StudentSummary student : roster.students()) {
            if (student.modules().isEmpty()) {
                csv.append(line(Stream.of(student.studentId().toString(), text(student.email()),
                        text(student.name()), "", "0", "0", "", "0", "0", "0", "0", "",
                        String.valueOf(student.openAlerts()))));
            }
            for (ModuleProgress m : student.modules()) {
                csv.append(line(Stream.of(student.studentId().toString(), text(student.email()),
                        text(student.name()), m.module().json(),
                        String.valueOf(m.attempts()), String.valueOf(m.successes()),
                        String.format(Locale.ROOT, "%.1f", m.masteryPercentage()),
                        String.valueOf(m.completedExercises()), String.valueOf(m.questions()),
                        String.valueOf(m.streakDays()), String.valueOf(m.totalLearningMinutes()),
                        m.lastPracticedAt() == null ? "" : m.lastPracticedAt().toString(),
                        String.valueOf(student.openAlerts()))));
            }
        }
        return csv.toString();
    }

    /** A student's own text; one a spreadsheet would read as a formula is kept as text with a leading quote. */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String line(Stream<String> fields) {
        return fields.map(ClassProgressCsv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
