package io.learnflow.triage.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.QueryStatus;
import io.learnflow.triage.model.StudentQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StudentQueryRepository implements PanacheRepositoryBase<StudentQuery, UUID> {

    public Uni<StudentQuery> findOwned(UUID id, UUID studentId) {
        return find("id = ?1 and studentId = ?2", id, studentId).firstResult();
    }

    public Uni<List<StudentQuery>> historyOf(UUID studentId, int page, int size) {
        return find("studentId", Sort.descending("createdAt", "id"), studentId).page(Page.of(page, size)).list();
    }

    public Uni<Long> countOf(UUID studentId) {
        return count("studentId", studentId);
    }

    /** Queries still waiting for an answer whose last delivery is older than the deadline. */
    public Uni<List<StudentQuery>> overdue(Instant lastDeliveredBefore, int limit) {
        return find("status in ?1 and updatedAt < ?2", Sort.ascending("updatedAt"),
                List.of(QueryStatus.PENDING, QueryStatus.ROUTED, QueryStatus.PROCESSING), lastDeliveredBefore)
                .page(Page.ofSize(limit)).list();
    }
}
