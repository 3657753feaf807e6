package io.learnflow.progress.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.progress.model.LearningEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LearningEventRepository implements PanacheRepositoryBase<LearningEvent, UUID> {

    public Uni<Boolean> recordedForQuery(LearningEvent.Kind kind, UUID queryId) {
        return count("kind = ?1 and queryId = ?2", kind, queryId).map(n -> n > 0);
    }

    public Uni<List<LearningEvent>> ofStudentsSince(Collection<UUID> students, Instant since) {
        if (students.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("studentId in ?1 and occurredAt >= ?2", Sort.ascending("occurredAt"), students, since);
    }
}
