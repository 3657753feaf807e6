package io.learnflow.exercise.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.exercise.model.ExerciseAssignment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ExerciseAssignmentRepository implements PanacheRepositoryBase<ExerciseAssignment, UUID> {

    public Uni<ExerciseAssignment> latestOf(UUID studentId) {
        return find("studentId", Sort.descending("assignedAt"), studentId).firstResult();
    }
}
