package io.learnflow.progress.model;

import java.util.List;
import java.util.UUID;

/** A class's students, each with their progress per module. */
public record ClassRoster(UUID classId, String name, List<StudentSummary> students) {
}
