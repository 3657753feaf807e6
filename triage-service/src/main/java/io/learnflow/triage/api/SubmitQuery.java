package io.learnflow.triage.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.learnflow.model.Difficulty;
import io.learnflow.model.LearningModule;
import io.learnflow.triage.service.NewQuery;

/**
 * A student's message. Without {@code sessionId} a new session starts; without module or difficulty the session's
 * are used. Optional for a debugging request: {@code stdin} (the input to run the code with), {@code tests}
 * ({@code assert} lines or pytest-style {@code test_} functions) and {@code exerciseId}.
 */
public record SubmitQuery(
        @NotBlank @Size(max = 10_000, message = "must be at most 10000 characters") String queryText,
        @Size(max = 20_000, message = "must be at most 20000 characters") String code,
        @Size(max = 20_000, message = "must be at most 20000 characters") String errorText,
        UUID sessionId,
        LearningModule module,
        Difficulty difficulty,
        @Size(max = 20_000, message = "must be at most 20000 characters") String stdin,
        @Size(max = 20_000, message = "must be at most 20000 characters") String tests,
        @Size(max = 64, message = "must be at most 64 characters") String exerciseId) {

    public SubmitQuery(String queryText, String code, String errorText, UUID sessionId, LearningModule module,
            Difficulty difficulty) {
        this(queryText, code, errorText, sessionId, module, difficulty, null, null, null);
    }

    public NewQuery toNewQuery() {
        return new NewQuery(queryText, code, errorText, sessionId, module, difficulty, stdin, tests, exerciseId);
    }
}
