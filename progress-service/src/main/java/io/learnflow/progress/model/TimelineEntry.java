package io.learnflow.progress.model;

import java.time.Instant;
import java.util.UUID;

import io.learnflow.model.InteractionKind;
import io.learnflow.model.LearningModule;

/** One interaction on a student's timeline; {@code correct} and {@code masteryAfter} only for evidence. */
public record TimelineEntry(Instant occurredAt, UUID queryId, InteractionKind kind, LearningModule module,
        boolean evidence, Boolean correct, Integer grade, String exerciseId, String errorCategory, String conceptTag,
        Integer masteryAfter) {

    public static TimelineEntry of(LoggedInteraction i) {
        return new TimelineEntry(i.occurredAt, i.queryId, i.kind, i.module, i.evidence, i.correct, i.grade,
                i.exerciseId, i.errorCategory, i.conceptTag,
                i.masteryAfter == null ? null : (int) Math.round(i.masteryAfter));
    }
}
