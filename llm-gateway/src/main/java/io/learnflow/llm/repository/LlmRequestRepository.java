package io.learnflow.llm.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.llm.model.LlmRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LlmRequestRepository implements PanacheRepositoryBase<LlmRequest, UUID> {

    /** Tokens the student's model calls used since {@code since} (cached answers cost none). */
    public Uni<Long> tokensOfStudentSince(UUID studentId, Instant since) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select coalesce(sum(r.tokensUsed), 0) from LlmRequest r where r.studentId = :student "
                        + "and r.createdAt >= :since", Long.class)
                .setParameter("student", studentId).setParameter("since", since).getSingleResult());
    }

    public Uni<Long> tokensSince(Instant since) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select coalesce(sum(r.tokensUsed), 0) from LlmRequest r where r.createdAt >= :since", Long.class)
                .setParameter("since", since).getSingleResult());
    }
}
