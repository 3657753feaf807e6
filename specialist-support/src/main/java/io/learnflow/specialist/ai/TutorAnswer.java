package io.learnflow.specialist.ai;

import io.learnflow.model.LearningModule;

/**
 * What a tutor says to a query, and what it tells progress about the interaction.
 *
 * @param responseType kind of answer, for example {@code explanation}, {@code hint}, {@code exercise}
 * @param successful   whether the student's need was met (progress counts it as a success)
 */
public record TutorAnswer(String responseType, String content, LearningModule module, boolean successful,
        String exerciseId, Integer testsPassed, Integer testsTotal) {

    public static TutorAnswer of(String responseType, String content, LearningModule module, boolean successful) {
        return new TutorAnswer(responseType, content, module, successful, null, null, null);
    }
}
