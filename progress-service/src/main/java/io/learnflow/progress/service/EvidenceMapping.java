package io.learnflow.progress.service;

import io.learnflow.model.InteractionRecorded;

/**
 * Which interactions are evidence of a student's skill, and whether each was a success. A graded exercise submission
 * is a success when all its tests passed, a quiz answer when it was right, a debug run when the student's code now
 * passes; a question (and a debug answer whose run is not known) is engagement only: it counts towards activity,
 * streaks and learning time, never towards mastery.
 */
public final class EvidenceMapping {

    private EvidenceMapping() {
    }

    /** True or false for evidence, null for engagement only. */
    public static Boolean outcome(InteractionRecorded interaction) {
        return switch (interaction.kind()) {
            case EXERCISE_SUBMISSION -> interaction.testsTotal() != null
                    ? interaction.testsTotal() > 0 && interaction.testsPassed().equals(interaction.testsTotal())
                    : interaction.successful();
            case QUIZ_ANSWER -> interaction.successful();
            case DEBUG_RUN -> interaction.codePasses();
            case QUESTION -> null;
        };
    }
}
