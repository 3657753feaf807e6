package io.learnflow.llm.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.llm.model.LlmRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LlmRequestRepository implements PanacheRepositoryBase<LlmRequest, UUID> {

    /** What model calls cost: tokens and the estimated dollars. */
    public record Usage(long tokens, BigDecimal cost) {
    }

    /** The student's model calls since {@code since} (cached answers cost none). */
    public Uni<Usage> usageOfStudentSince(UUID studentId, Instant since) {
        return usage("where r.studentId = :student and r.createdAt >= :since", studentId, since);
    }

    /** Every model call of this service since {@code since}. */
    public Uni<Usage> usageSince(Instant since) {
        return usage("where r.createdAt >= :since", null, since);
    }

    private Uni<Usage> usage(String where, UUID studentId, Instant since) {
        return getSession().chain(session -> {
            var query = session.createSelectionQuery("select coalesce(sum(r.tokensUsed), 0), "
                    + "coalesce(sum(r.costEstimate), 0) from LlmRequest r " + where, Object[].class)
                    .setParameter("since", since);
            if (studentId != null) {
                query.setParameter("student", studentId);
            }
            return query.getSingleResult().map(row -> new Usage(((Number) row[0]).longValue(),
                    new BigDecimal(row[1].toString())));
        });
    }
}
