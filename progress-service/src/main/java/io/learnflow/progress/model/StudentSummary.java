package io.learnflow.progress.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One student's progress at a glance, for a teacher: who they are (email and name as of their last join, null if
 * unknown), totals over the modules practised, and each module.
 */
public record StudentSummary(UUID studentId, String email, String name, int modulesPractised, int attempts,
        int successes, int averageMastery, Instant lastPracticedAt, int openAlerts, List<ModuleProgress> modules) {
}
