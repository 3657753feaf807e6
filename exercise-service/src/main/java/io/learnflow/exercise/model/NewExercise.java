package io.learnflow.exercise.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.learnflow.model.LearningModule;

/** A coding exercise a teacher adds: accepted only when its reference solution passes its own tests in the sandbox. */
public record NewExercise(@NotBlank @Size(max = 200) String title, @NotNull LearningModule module,
        @NotNull ExerciseDifficulty difficulty, @NotBlank @Size(max = 10_000) String description,
        @Size(max = 100) String functionName, @Size(max = 20_000) String starterCode,
        @NotBlank @Size(max = 20_000) String solutionCode, @Size(max = 20_000) String testSetupCode,
        @NotEmpty @Size(max = 50) List<@Valid Test> tests, @Size(max = 5) List<@Size(max = 500) String> hints,
        @Positive @Max(600) Integer estimatedMinutes, @Size(max = 20) List<@Size(max = 64) String> tags) {

    /** A test: a Python statement that raises when the code is wrong; a hidden one names what it checks. */
    public record Test(@Size(max = 100) String name, @NotBlank @Size(max = 5_000) String statement, boolean hidden,
            @Size(max = 100) String checks) {
    }
}
