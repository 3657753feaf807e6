package io.learnflow.progress.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.InteractionKind;
import io.learnflow.model.LearningModule;
import io.learnflow.progress.model.LoggedInteraction;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LoggedInteractionRepository implements PanacheRepositoryBase<LoggedInteraction, UUID> {

    /** Interactions of the student in the module with this error category, after {@code since}, up to {@code until}. */
    public Uni<Long> countErrors(UUID studentId, LearningModule module, String errorCategory, Instant since,
            Instant until) {
        return count("studentId = ?1 and module = ?2 and errorCategory = ?3 and occurredAt > ?4 and occurredAt <= ?5",
                studentId, module, errorCategory, since, until);
    }

    /** Failed submissions of the student on the exercise after {@code since}, up to {@code until}. */
    public Uni<Long> countFailedSubmissions(UUID studentId, String exerciseId, Instant since, Instant until) {
        return count("studentId = ?1 and exerciseId = ?2 and kind = ?3 and correct = false and occurredAt > ?4"
                + " and occurredAt <= ?5", studentId, exerciseId, InteractionKind.EXERCISE_SUBMISSION, since, until);
    }

    public Uni<Long> countPasses(UUID studentId, String exerciseId) {
        return count("studentId = ?1 and exerciseId = ?2 and kind = ?3 and correct = true", studentId, exerciseId,
                InteractionKind.EXERCISE_SUBMISSION);
    }

    public Uni<Long> countEvidence(UUID studentId) {
        return count("studentId = ?1 and evidence = true", studentId);
    }

    public Uni<List<LoggedInteraction>> evidenceOf(UUID studentId) {
        return list("studentId = ?1 and evidence = true", Sort.ascending("occurredAt"), studentId);
    }

    public Uni<List<LoggedInteraction>> ofStudentsSince(Collection<UUID> students, Instant since) {
        if (students.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("studentId in ?1 and occurredAt >= ?2", Sort.ascending("occurredAt"), students, since);
    }

    public Uni<List<LoggedInteraction>> latestOf(UUID studentId, int limit) {
        return find("studentId", Sort.descending("occurredAt"), studentId).page(Page.ofSize(limit)).list();
    }
}
