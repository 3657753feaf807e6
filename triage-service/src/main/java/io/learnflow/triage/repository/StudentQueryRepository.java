package io.learnflow.triage.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.learnflow.triage.model.StudentQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StudentQueryRepository implements PanacheRepositoryBase<StudentQuery, UUID> {

    public Uni<StudentQuery> findOwned(UUID id, UUID studentId) {
        return find("id = ?1 and studentId = ?2", id, studentId).firstResult();
    }

    /** The student's query, locked until the transaction ends, so that two writers of its state take turns. */
    public Uni<StudentQuery> findOwnedForUpdate(UUID id, UUID studentId) {
        return find("id = ?1 and studentId = ?2", id, studentId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The student's latest query in the session, or null. */
    public Uni<StudentQuery> latestInSession(UUID sessionId) {
        return find("sessionId = ?1 order by createdAt desc", sessionId).firstResult();
    }

    /**
     * Queries still waiting for an answer whose last delivery is older than the deadline, locked for this transaction;
     * rows another triage instance has locked are skipped, so that two instances never re-drive the same query.
     */
    public Uni<List<StudentQuery>> overdue(Instant lastDeliveredBefore, int limit) {
        return getSession().chain(session -> session.createNativeQuery("SELECT * FROM {h-schema}student_query"
                + " WHERE status IN ('PENDING', 'ROUTED', 'PROCESSING') AND updated_at < :before"
                + " ORDER BY updated_at LIMIT :limit FOR UPDATE SKIP LOCKED", StudentQuery.class)
                .setParameter("before", lastDeliveredBefore)
                .setParameter("limit", limit)
                .getResultList());
    }
}
