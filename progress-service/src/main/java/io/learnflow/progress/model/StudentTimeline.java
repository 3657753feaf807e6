package io.learnflow.progress.model;

import java.util.List;
import java.util.UUID;

/**
 * What a student did, newest first, with their mastery over time and their alerts, for their teacher; email and name
 * null if unknown.
 */
public record StudentTimeline(UUID studentId, String email, String name, List<TimelineEntry> interactions,
        List<MasteryDay> masteryByDay, List<AlertView> alerts) {
}
