package io.learnflow.progress.model;

import java.util.List;
import java.util.UUID;

/**
 * A student's progress in every module they have practised.
 *
 * @param evidenceCount how many of their interactions were evidence of skill
 * @param masteryByDay  each module's mastery at the end of each day with evidence, for a chart
 */
public record ProgressView(UUID studentId, long evidenceCount, List<ModuleProgress> modules,
        List<ConceptProgress> concepts, List<MasteryDay> masteryByDay) {
}
