package io.learnflow.concepts.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.concepts.model.TutoringSession;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TutoringSessionRepository implements PanacheRepositoryBase<TutoringSession, UUID> {

    /** The session, if it is this student's: a session id another student sends is not theirs to continue. */
    public Uni<TutoringSession> findOfStudent(UUID sessionId, UUID studentId) {
        return find("sessionId = ?1 and studentId = ?2", sessionId, studentId).firstResult();
    }
}
