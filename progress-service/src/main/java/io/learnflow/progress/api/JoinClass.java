package io.learnflow.progress.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record JoinClass(@NotBlank @Size(max = 16) String joinCode) {
}
