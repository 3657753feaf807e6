package io.learnflow.triage.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.triage.model.RefreshToken;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    public Uni<RefreshToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    /** Marks every unused token of the family as used: none of them can be exchanged any more. */
    public Uni<Integer> endFamily(UUID familyId, Instant now) {
        return update("usedAt = ?1 where familyId = ?2 and usedAt is null", now, familyId);
    }
}
