package io.learnflow.progress.model;

import java.time.Instant;
import java.util.UUID;

/** A class: its teacher shares the join code with the students. */
public record ClassView(UUID id, String name, String joinCode, Instant createdAt) {

    public static ClassView of(SchoolClass c) {
        return new ClassView(c.id, c.name, c.joinCode, c.createdAt);
    }
}
