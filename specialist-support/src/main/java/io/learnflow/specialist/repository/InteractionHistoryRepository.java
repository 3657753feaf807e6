package io.learnflow.specialist.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.specialist.model.InteractionHistory;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InteractionHistoryRepository implements PanacheRepositoryBase<InteractionHistory, UUID> {

    public Uni<InteractionHistory> findByQuery(UUID queryId) {
        return find("queryId", queryId).firstResult();
    }
}
