package io.learnflow.specialist.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.specialist.model.LearningResponse;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LearningResponseRepository implements PanacheRepositoryBase<LearningResponse, UUID> {

    public Uni<LearningResponse> findByQuery(UUID queryId) {
        return find("queryId", queryId).firstResult();
    }
}
