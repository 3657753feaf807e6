package io.learnflow.exercise.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.exercise.model.Exercise;
import io.learnflow.model.Difficulty;
import io.learnflow.model.LearningModule;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ExerciseRepository implements PanacheRepositoryBase<Exercise, String> {

    private static final String NOT_YET_ASSIGNED =
            " and id not in (select a.exerciseId from ExerciseAssignment a where a.studentId = :student)";

    /** The first exercise of the module and difficulty this student has not been given yet. */
    public Uni<Exercise> nextFor(UUID studentId, LearningModule module, Difficulty difficulty) {
        return find("module = :module and difficulty = :difficulty" + NOT_YET_ASSIGNED, Sort.ascending("sourceTaskId"),
                Parameters.with("module", module).and("difficulty", difficulty)
                        .and("student", studentId))
                .firstResult();
    }
}
