package io.learnflow.progress.api;

import java.util.List;
import java.util.UUID;

public record ProgressView(UUID studentId, List<ModuleProgress> modules) {
}
