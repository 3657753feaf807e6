package io.learnflow.progress.model;

import java.util.List;
import java.util.UUID;

/** A student's progress in every module they have practised. */
public record ProgressView(UUID studentId, List<ModuleProgress> modules) {
}
