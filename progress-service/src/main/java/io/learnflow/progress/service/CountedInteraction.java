package io.learnflow.progress.service;

import java.util.UUID;

import io.learnflow.model.InteractionRecorded;
import io.learnflow.progress.model.LearningSession;
import io.learnflow.progress.model.StudentProgress;

/**
 * An interaction just counted, with the student's module progress and session as they are after it.
 *
 * @param correct true or false for evidence, null for engagement only
 */
record CountedInteraction(InteractionRecorded interaction, Boolean correct, StudentProgress progress,
        LearningSession session) {

    UUID studentId() {
        return interaction.studentId();
    }
}
