package io.learnflow.progress.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record NewClass(@NotBlank @Size(max = 100) String name) {
}
