package io.learnflow.progress.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.progress.model.ProcessedEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {

    public Uni<Long> deleteProcessedBefore(Instant cutoff) {
        return delete("processedAt < ?1", cutoff);
    }
}
