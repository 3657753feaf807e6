package io.learnflow.progress.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.progress.model.ProcessedEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {

    /**
     * Remembers the event as counted in the current transaction, in one statement with no read before it; false when
     * it was counted before (a concurrent counting of the same event waits for the other's commit, then finds it).
     */
    public Uni<Boolean> rememberOnce(UUID eventId, Instant at) {
        return getSession().chain(session -> session.createNativeQuery("INSERT INTO {h-schema}processed_event"
                + " (event_id, processed_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .setParameter(2, at)
                .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    public Uni<Long> deleteProcessedBefore(Instant cutoff) {
        return delete("processedAt < ?1", cutoff);
    }
}
