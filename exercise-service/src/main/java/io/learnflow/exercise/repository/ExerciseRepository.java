package io.learnflow.exercise.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.exercise.model.Exercise;
import io.learnflow.exercise.model.ExerciseDifficulty;
import io.learnflow.exercise.model.ExerciseKind;
import io.learnflow.exercise.model.SubmissionStatus;
import io.learnflow.model.LearningModule;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ExerciseRepository implements PanacheRepositoryBase<Exercise, String> {

    private static final String NOT_SOLVED = " and e.id not in (select s.exerciseId from ExerciseSubmission s"
            + " where s.studentId = :student and s.status = :graded and s.totalTests > 0"
            + " and s.automatedTestsPassed = s.totalTests)";
    private static final String HANDED_OUT = "(select a.exerciseId from ExerciseAssignment a where a.studentId = :student)";

    /**
     * The easiest coding exercise of the module and difficulty that this student has not solved: first those not
     * handed to them yet, then (least complex first) those they were given and have not solved.
     */
    public Uni<Exercise> easiestUnsolved(UUID studentId, LearningModule module, ExerciseDifficulty difficulty) {
        return find("from Exercise e where e.kind = :kind and e.module = :module and e.difficulty = :difficulty"
                + NOT_SOLVED + " order by case when e.id in " + HANDED_OUT + " then 1 else 0 end, e.complexity, e.id",
                Parameters.with("kind", ExerciseKind.CODE).and("module", module).and("difficulty", difficulty)
                        .and("student", studentId).and("graded", SubmissionStatus.GRADED))
                .firstResult();
    }

    /** The bank's exercises and questions, of a module and a difficulty when given, in the bank's order. */
    public Uni<List<Exercise>> listed(LearningModule module, ExerciseDifficulty difficulty, ExerciseKind kind) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (module != null) {
            query.append(" and module = :module");
            parameters.and("module", module);
        }
        if (difficulty != null) {
            query.append(" and difficulty = :difficulty");
            parameters.and("difficulty", difficulty);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        return find(query.toString(), Sort.ascending("module", "difficulty", "complexity", "id"), parameters).list();
    }
}
