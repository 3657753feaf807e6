package io.learnflow.concepts.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.concepts.ai.ConceptRetriever;
import io.learnflow.concepts.ai.CurriculumEntry;
import io.learnflow.concepts.model.TutoringSession;
import io.learnflow.concepts.repository.TutoringSessionRepository;
import io.smallrye.mutiny.Uni;

/**
 * Remembers, per tutoring session, which curriculum entry the last answer came from, so that a follow-up ("and for
 * dictionaries?") is read with it. Runs inside the transaction that records the answer.
 */
@ApplicationScoped
public class TutoringSessionService {

    private static final Logger LOG = Logger.getLogger(TutoringSessionService.class);

    private final TutoringSessionRepository sessions;
    private final ConceptRetriever retriever;

    public TutoringSessionService(TutoringSessionRepository sessions, ConceptRetriever retriever) {
        this.sessions = sessions;
        this.retriever = retriever;
    }

    /** The entry the session's last answer came from, if the session is the student's and had one. */
    public Uni<Optional<CurriculumEntry>> previousEntry(UUID sessionId, UUID studentId) {
        if (sessionId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return sessions.findOfStudent(sessionId, studentId)
                .map(session -> session == null ? Optional.<CurriculumEntry>empty()
                        : retriever.curriculum().byId(session.lastEntryId));
    }

    public Uni<Void> remember(UUID sessionId, UUID studentId, UUID queryId, CurriculumEntry entry) {
        if (sessionId == null) {
            return Uni.createFrom().voidItem();
        }
        return sessions.findById(sessionId).chain(found -> {
            if (found != null && !found.studentId.equals(studentId)) {
                LOG.warnf("session %s belongs to another student: not continued for %s", sessionId, studentId);
                return Uni.createFrom().voidItem();
            }
            TutoringSession session = found != null ? found : newSession(sessionId, studentId);
            session.lastEntryId = entry.id();
            session.lastQueryId = queryId;
            session.turns++;
            session.updatedAt = Instant.now();
            return found != null ? Uni.createFrom().voidItem() : sessions.persist(session).replaceWithVoid();
        });
    }

    private static TutoringSession newSession(UUID sessionId, UUID studentId) {
        TutoringSession session = new TutoringSession();
        session.sessionId = sessionId;
        session.studentId = studentId;
        return session;
    }
}
