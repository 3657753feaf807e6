package io.learnflow.llm.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.llm.model.LlmCacheEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LlmCacheRepository implements PanacheRepositoryBase<LlmCacheEntry, UUID> {

    public Uni<LlmCacheEntry> findByHash(String promptHash) {
        return find("promptHash", promptHash).firstResult();
    }
}
