package io.learnflow.triage.service;

import java.util.UUID;

import io.learnflow.model.Difficulty;
import io.learnflow.model.LearningModule;

/**
 * A student's message as triage takes it in. Without {@code sessionId} a new session starts; without module or
 * difficulty the session's are used.
 */
public record NewQuery(String queryText, String code, String errorText, UUID sessionId, LearningModule module,
        Difficulty difficulty) {
}
