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

    /**
     * Takes the unused token for this exchange: 1 if this caller got it, 0 if it was used meanwhile. Of two concurrent
     * exchanges the database lets one update the row; the other waits for it and then finds the token used.
     */
    public Uni<Integer> claim(UUID tokenId, Instant now) {
        return update("usedAt = ?1 where id = ?2 and usedAt is null", now, tokenId);
    }

    /** Marks every unused token of the family as used: none of them can be exchanged any more. */
    public Uni<Integer> endFamily(UUID familyId, Instant now) {
        return update("usedAt = ?1 where familyId = ?2 and usedAt is null", now, familyId);
    }
}
