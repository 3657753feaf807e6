package io.learnflow.progress.model;

import io.learnflow.model.LearningModule;

/** Mastery of one concept of a module, from the evidence that names it. */
public record ConceptProgress(LearningModule module, String conceptTag, int mastery, int attempts, int successes) {

    public static ConceptProgress of(ConceptMastery c) {
        return new ConceptProgress(c.module, c.conceptTag, (int) Math.round(100 * c.pKnown), c.attemptsCount,
                c.successCount);
    }
}
