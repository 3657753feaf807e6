package io.learnflow.triage.service;

import java.util.UUID;

import io.learnflow.model.Difficulty;
import io.learnflow.model.LearningModule;

/**
 * A student's message as triage takes it in. Without {@code sessionId} a new session starts; without module or
 * difficulty the session's are used. {@code stdin}, {@code tests} and {@code exerciseId} are optional, for the debug
 * tutor; {@code timeZone} is the student's (from their token), passed on to the specialists.
 */
public record NewQuery(String queryText, String code, String errorText, UUID sessionId, LearningModule module,
        Difficulty difficulty, String stdin, String tests, String exerciseId, String timeZone) {

    public NewQuery(String queryText, String code, String errorText, UUID sessionId, LearningModule module,
            Difficulty difficulty, String stdin, String tests, String exerciseId) {
        this(queryText, code, errorText, sessionId, module, difficulty, stdin, tests, exerciseId, null);
    }

    public NewQuery inTimeZone(String zone) {
        return new NewQuery(queryText, code, errorText, sessionId, module, difficulty, stdin, tests, exerciseId, zone);
    }

    public NewQuery(String queryText, String code, String errorText, UUID sessionId, LearningModule module,
            Difficulty difficulty) {
        this(queryText, code, errorText, sessionId, module, difficulty, null, null, null);
    }
}
