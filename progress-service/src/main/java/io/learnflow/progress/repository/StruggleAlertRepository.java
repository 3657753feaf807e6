package io.learnflow.progress.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.LearningModule;
import io.learnflow.model.StruggleReason;
import io.learnflow.progress.model.StruggleAlert;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StruggleAlertRepository implements PanacheRepositoryBase<StruggleAlert, UUID> {

    /** Whether an alert of this episode was raised already: same reason and scope, after the episode began. */
    public Uni<Boolean> raisedSince(UUID studentId, StruggleReason reason, String scopeKey, Instant episodeStart) {
        Uni<Long> count = episodeStart == null
                ? count("studentId = ?1 and reason = ?2 and scopeKey = ?3", studentId, reason, scopeKey)
                : count("studentId = ?1 and reason = ?2 and scopeKey = ?3 and raisedAt > ?4", studentId, reason,
                        scopeKey, episodeStart);
        return count.map(n -> n > 0);
    }

    public Uni<List<StruggleAlert>> raisedBy(UUID eventId) {
        return list("raisedByEvent", Sort.ascending("raisedAt"), eventId);
    }

    /** Ends the student's open alerts about this module, or about this session. */
    public Uni<Integer> resolveBySuccess(UUID studentId, LearningModule module, UUID sessionKey, Instant at) {
        return update("resolvedAt = ?1, resolvedBy = ?2 where studentId = ?3 and resolvedAt is null"
                + " and (module = ?4 or sessionId = ?5)", at, StruggleAlert.RESOLVED_BY_SUCCESS, studentId, module,
                sessionKey);
    }

    public Uni<List<StruggleAlert>> openOf(Collection<UUID> students) {
        if (students.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("studentId in ?1 and resolvedAt is null", Sort.ascending("raisedAt"), students);
    }

    public Uni<List<StruggleAlert>> allOf(UUID studentId) {
        return list("studentId", Sort.ascending("raisedAt"), studentId);
    }
}
