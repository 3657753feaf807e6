package io.learnflow.triage.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.learnflow.model.Difficulty;
import io.learnflow.model.LearningModule;
import io.learnflow.triage.service.NewQuery;

/**
 * A student's message. Without {@code sessionId} a new session starts; without module or difficulty the session's
 * are used.
 */
public record SubmitQuery(
        @NotBlank @Size(max = 10_000, message = "must be at most 10000 characters") String queryText,
        @Size(max = 20_000, message = "must be at most 20000 characters") String code,
        @Size(max = 20_000, message = "must be at most 20000 characters") String errorText,
        UUID sessionId,
        LearningModule module,
        Difficulty difficulty) {

    public NewQuery toNewQuery() {
        return new NewQuery(queryText, code, errorText, sessionId, module, difficulty);
    }
}
