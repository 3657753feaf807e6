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

    /**
     * Stores the event unless it, or an event of its kind for its query where a query has one, is stored already
     * (the primary key and {@code learning_event_once_per_query}): one statement, with no read before it.
     *
     * @return whether it was stored
     */
    public Uni<Boolean> recordOnce(LearningEvent event) {
        return getSession().chain(session -> session.createNativeQuery("INSERT INTO {h-schema}learning_event "
                + "(event_id, kind, student_id, query_id, query_type, rating, occurred_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
                .setParameter(1, event.eventId)
                .setParameter(2, event.kind.name())
                .setParameter(3, event.studentId)
                .setParameter(4, event.queryId)
                .setParameter(5, event.queryType == null ? null : event.queryType.name())
                .setParameter(6, event.rating)
                .setParameter(7, event.occurredAt)
                .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    public Uni<List<LearningEvent>> ofStudentsSince(Collection<UUID> students, Instant since) {
        if (students.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("studentId in ?1 and occurredAt >= ?2", Sort.ascending("occurredAt"), students, since);
    }
}
