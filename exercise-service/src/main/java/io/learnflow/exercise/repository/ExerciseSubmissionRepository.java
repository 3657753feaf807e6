package io.learnflow.exercise.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.learnflow.exercise.model.ExerciseDifficulty;
import io.learnflow.exercise.model.ExerciseKind;
import io.learnflow.exercise.model.ExerciseSubmission;
import io.learnflow.exercise.model.SubmissionStatus;
import io.learnflow.model.LearningModule;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ExerciseSubmissionRepository implements PanacheRepositoryBase<ExerciseSubmission, UUID> {

    /** A graded submission's difficulty and whether it passed every test. */
    public record GradedResult(ExerciseDifficulty difficulty, boolean solved) {
    }

    public Uni<ExerciseSubmission> lockedById(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<ExerciseSubmission> ownedBy(UUID id, UUID studentId) {
        return find("id = ?1 and studentId = ?2", id, studentId).firstResult();
    }

    public Uni<ExerciseSubmission> byQuery(UUID queryId) {
        return find("queryId", queryId).firstResult();
    }

    public Uni<List<ExerciseSubmission>> ofStudent(UUID studentId, String exerciseId) {
        return exerciseId == null
                ? find("studentId", Sort.descending("submittedAt"), studentId).list()
                : find("studentId = ?1 and exerciseId = ?2", Sort.descending("submittedAt"), studentId, exerciseId)
                        .list();
    }

    /** The student's graded coding submissions in a module, newest first. */
    public Uni<List<GradedResult>> recentResults(UUID studentId, LearningModule module, int limit) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select e.difficulty, s.automatedTestsPassed, s.totalTests"
                                + " from ExerciseSubmission s, Exercise e where s.exerciseId = e.id"
                                + " and s.studentId = :student and e.module = :module and s.status = :graded"
                                + " and e.kind = :code order by s.gradedAt desc", Object[].class)
                .setParameter("student", studentId).setParameter("module", module)
                .setParameter("graded", SubmissionStatus.GRADED).setParameter("code", ExerciseKind.CODE).setMaxResults(limit).getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new GradedResult((ExerciseDifficulty) row[0],
                                (Integer) row[2] > 0 && row[1].equals(row[2])))
                        .toList());
    }

    /**
     * Submissions to deliver again: pending and never taken by the broker since before {@code undeliveredBefore}, or
     * taken (or grading) since before {@code lostBefore}.
     */
    public Uni<List<ExerciseSubmission>> unfinished(Instant undeliveredBefore, Instant lostBefore, int limit) {
        return find("status = :pendingStatus and (deliveredAt is null and submittedAt < :pending"
                + " or deliveredAt < :grading) or status = :gradingStatus and gradingStartedAt < :grading",
                Sort.ascending("submittedAt"),
                Parameters.with("pending", undeliveredBefore).and("grading", lostBefore)
                        .and("pendingStatus", SubmissionStatus.PENDING).and("gradingStatus", SubmissionStatus.GRADING))
                .page(0, limit).list();
    }

    /** Graded submissions whose InteractionRecorded has not been published yet. */
    public Uni<List<ExerciseSubmission>> unpublished(Instant gradedBefore, int limit) {
        return find("status = ?1 and interactionPublishedAt is null and gradedAt < ?2", Sort.ascending("gradedAt"),
                SubmissionStatus.GRADED, gradedBefore).page(0, limit).list();
    }
}
