package io.learnflow.progress.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.InteractionKind;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.progress.config.ProgressConfig;
import io.learnflow.progress.model.ConceptMastery;
import io.learnflow.progress.model.LearningSession;
import io.learnflow.progress.model.LoggedInteraction;
import io.learnflow.progress.model.ModuleParameters;
import io.learnflow.progress.model.StruggleAlert;
import io.learnflow.progress.model.StudentProgress;
import io.learnflow.progress.repository.ConceptMasteryRepository;
import io.learnflow.progress.repository.LearningSessionRepository;
import io.learnflow.progress.repository.LoggedInteractionRepository;
import io.learnflow.progress.repository.ModuleParametersRepository;
import io.learnflow.progress.repository.ProcessedEventRepository;
import io.learnflow.progress.repository.StruggleAlertRepository;
import io.learnflow.progress.repository.StudentProgressRepository;
import io.learnflow.progress.tracing.BktParameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Counts each reported interaction once, in one transaction with its event id: evidence moves the module's (and the
 * concept's) P(known) by Bayesian Knowledge Tracing; every interaction counts towards streak and learning time; then
 * the struggle rules look at what changed.
 */
@ApplicationScoped
public class ProgressService {

    private static final Logger LOG = Logger.getLogger(ProgressService.class);

    private final StudentProgressRepository progress;
    private final ProcessedEventRepository processed;
    private final ModuleParametersRepository parameters;
    private final ConceptMasteryRepository concepts;
    private final LoggedInteractionRepository interactions;
    private final LearningSessionRepository sessions;
    private final StruggleAlertRepository alerts;
    private final StruggleRules rules;
    private final LearningAnalytics analytics;
    private final Duration activeGap;
    private final MeterRegistry metrics;

    public ProgressService(StudentProgressRepository progress, ProcessedEventRepository processed,
            ModuleParametersRepository parameters, ConceptMasteryRepository concepts,
            LoggedInteractionRepository interactions, LearningSessionRepository sessions,
            StruggleAlertRepository alerts, StruggleRules rules, LearningAnalytics analytics, ProgressConfig config,
            MeterRegistry metrics) {
        this.progress = progress;
        this.processed = processed;
        this.parameters = parameters;
        this.concepts = concepts;
        this.interactions = interactions;
        this.sessions = sessions;
        this.alerts = alerts;
        this.rules = rules;
        this.analytics = analytics;
        this.activeGap = config.activeGap();
        this.metrics = metrics;
    }

    /**
     * Counts the interaction unless its id was counted before, and returns the alerts it raised: the new ones, or on
     * a redelivery the ones it raised the first time, so that the caller publishes them again with the same ids.
     */
    @WithTransaction
    public Uni<List<StruggleAlert>> record(InteractionRecorded interaction) {
        return processed.rememberOnce(interaction.eventId(), Instant.now()).chain(first -> {
            if (!first) {
                outcome("duplicate");
                LOG.debugf("interaction %s already counted", interaction.eventId());
                return alerts.raisedBy(interaction.eventId());
            }
            if (interaction.module() == null) {
                outcome("no-module");
                LOG.infof("interaction %s names no module; nothing to count", interaction.eventId());
                return Uni.createFrom().item(List.<StruggleAlert>of());
            }
            outcome(EvidenceMapping.outcome(interaction) == null ? "engagement" : "evidence");
            return count(interaction);
        });
    }

    private Uni<List<StruggleAlert>> count(InteractionRecorded i) {
        Boolean correct = EvidenceMapping.outcome(i);
        UUID sessionKey = i.sessionId() != null ? i.sessionId() : i.studentId();
        Counting c = new Counting();
        return progress.findFor(i.studentId(), i.module()).invoke(row -> c.row = row)
                // only evidence and a first row (its prior) use the module's parameters: an engagement reads none
                .chain(() -> correct != null || c.row == null
                        ? parameters.findById(i.module()) : Uni.createFrom().<ModuleParameters>nullItem())
                .invoke(p -> c.parameters = p != null ? p.parameters() : BktParameters.DEFAULTS)
                .chain(() -> sessions.findById(sessionKey)).invoke(s -> c.session = s)
                .chain(() -> Boolean.TRUE.equals(correct) && i.kind() == InteractionKind.EXERCISE_SUBMISSION
                        && i.exerciseId() != null ? interactions.countPasses(i.studentId(), i.exerciseId())
                        : Uni.createFrom().item(1L))
                .invoke(passesBefore -> c.firstPass = passesBefore == 0)
                .chain(() -> correct != null && i.conceptTag() != null
                        ? concepts.findFor(i.studentId(), i.module(), i.conceptTag())
                        : Uni.createFrom().<ConceptMastery>nullItem())
                .invoke(concept -> c.concept = concept)
                .chain(() -> {
                    StudentProgress row = applyToProgress(c, i, correct);
                    LearningSession session = applyToSession(c, i, sessionKey, correct);
                    row.totalLearningSeconds += c.activeSeconds;
                    Uni<?> stored = progress.persist(row).chain(() -> sessions.persist(session))
                            .chain(() -> interactions.persist(logged(i, correct, row)));
                    if (correct != null && i.conceptTag() != null) {
                        stored = stored.chain(() -> concepts.persist(applyToConcept(c, i, correct)));
                    }
                    if (i.kind() == InteractionKind.EXERCISE_SUBMISSION) {
                        stored = stored.chain(() -> analytics.submissionGraded(i.eventId(), i.studentId(),
                                i.queryId(), i.occurredAt()));
                    }
                    if (Boolean.TRUE.equals(correct)) {
                        stored = stored.chain(() -> alerts.resolveBySuccess(i.studentId(), i.module(), sessionKey,
                                i.occurredAt()));
                    }
                    LOG.infof("student %s %s: %s, %d attempts, mastery %.1f", row.studentId, row.module.json(),
                            correct == null ? "engagement" : correct ? "success" : "failure", row.attemptsCount,
                            row.masteryPercentage);
                    return stored.chain(progress::flush)
                            .replaceWith(new CountedInteraction(i, correct, row, session));
                })
                .chain(rules::evaluate);
    }

    private StudentProgress applyToProgress(Counting c, InteractionRecorded i, Boolean correct) {
        StudentProgress row = c.row;
        Instant now = Instant.now();
        if (row == null) {
            row = new StudentProgress();
            row.id = UUID.randomUUID();
            row.studentId = i.studentId();
            row.module = i.module();
            row.pKnown = c.parameters.prior();
            row.masteryPercentage = 100 * row.pKnown;
            row.createdAt = now;
        }
        ZoneId zone = StudentZones.of(i.timeZone());
        row.timeZone = zone.getId();
        var day = i.occurredAt().atZone(zone).toLocalDate();
        row.streakDays = Streaks.streak(row.streakDays, row.lastPracticedOn, day);
        if (row.lastPracticedOn == null || !day.isBefore(row.lastPracticedOn)) {
            row.lastPracticedOn = day;
        }
        if (row.lastPracticedAt == null || i.occurredAt().isAfter(row.lastPracticedAt)) {
            row.lastPracticedAt = i.occurredAt();
        }
        if (correct == null) {
            row.questionsCount++;
        } else {
            row.attemptsCount++;
            row.pKnown = c.parameters.update(row.pKnown, correct);
            row.masteryPercentage = 100 * row.pKnown;
            if (correct) {
                row.successCount++;
                row.lastSuccessAt = i.occurredAt();
                if (i.kind() == InteractionKind.EXERCISE_SUBMISSION && i.exerciseId() != null && c.firstPass) {
                    row.completedExercises++;
                }
            }
        }
        row.updatedAt = now;
        return row;
    }

    private LearningSession applyToSession(Counting c, InteractionRecorded i, UUID sessionKey, Boolean correct) {
        LearningSession session = c.session;
        if (session == null) {
            session = new LearningSession();
            session.id = sessionKey;
            session.studentId = i.studentId();
            session.startedAt = i.occurredAt();
            session.lastActivityAt = i.occurredAt();
        }
        Duration gap = Duration.between(session.lastActivityAt, i.occurredAt());
        if (!gap.isNegative() && gap.compareTo(activeGap) <= 0) {
            c.activeSeconds = gap.toSeconds();
        }
        if (i.occurredAt().isAfter(session.lastActivityAt)) {
            session.lastActivityAt = i.occurredAt();
        }
        session.activeSeconds += c.activeSeconds;
        session.activeSecondsSincePass += c.activeSeconds;
        if (Boolean.TRUE.equals(correct)) {
            session.activeSecondsSincePass = 0;
            session.lastPassAt = i.occurredAt();
        }
        return session;
    }

    private static ConceptMastery applyToConcept(Counting c, InteractionRecorded i, boolean correct) {
        ConceptMastery concept = c.concept;
        if (concept == null) {
            concept = new ConceptMastery();
            concept.id = UUID.randomUUID();
            concept.studentId = i.studentId();
            concept.module = i.module();
            concept.conceptTag = i.conceptTag();
            concept.pKnown = c.parameters.prior();
        }
        concept.pKnown = c.parameters.update(concept.pKnown, correct);
        concept.attemptsCount++;
        if (correct) {
            concept.successCount++;
        }
        concept.updatedAt = Instant.now();
        return concept;
    }

    private static LoggedInteraction logged(InteractionRecorded i, Boolean correct, StudentProgress row) {
        LoggedInteraction logged = new LoggedInteraction();
        logged.eventId = i.eventId();
        logged.queryId = i.queryId();
        logged.studentId = i.studentId();
        logged.module = i.module();
        logged.kind = i.kind();
        logged.evidence = correct != null;
        logged.correct = correct;
        logged.grade = i.grade();
        logged.conceptTag = i.conceptTag();
        logged.exerciseId = i.exerciseId();
        logged.errorCategory = i.errorCategory();
        logged.sessionId = i.sessionId();
        logged.occurredAt = i.occurredAt();
        logged.masteryAfter = correct != null ? row.masteryPercentage : null;
        return logged;
    }

    private void outcome(String outcome) {
        metrics.counter("learnflow.progress.interactions", "outcome", outcome).increment();
    }

    /** What {@link #count} has read so far. */
    private static final class Counting {
        StudentProgress row;
        BktParameters parameters;
        LearningSession session;
        ConceptMastery concept;
        boolean firstPass;
        long activeSeconds;
    }
}
