package io.learnflow.debug.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.debug.model.HintLadder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HintLadderRepository implements PanacheRepositoryBase<HintLadder, UUID> {

    public Uni<HintLadder> findByProblem(UUID studentId, String problemKey) {
        return find("studentId = ?1 and problemKey = ?2", studentId, problemKey).firstResult();
    }
}
