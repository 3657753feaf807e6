package io.learnflow.progress.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.InteractionKind;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.StruggleReason;
import io.learnflow.progress.config.ProgressConfig;
import io.learnflow.progress.model.StruggleAlert;
import io.learnflow.progress.repository.LoggedInteractionRepository;
import io.learnflow.progress.repository.StruggleAlertRepository;
import io.smallrye.mutiny.Uni;

/**
 * The four signs of a struggling student, checked after each interaction that was not a success. An episode runs
 * from the student's last success (in the module, or for a session in that session) to the next one; each rule
 * raises at most one alert per episode and scope, whatever a teacher did with it meanwhile.
 */
@ApplicationScoped
public class StruggleRules {

    private static final Logger LOG = Logger.getLogger(StruggleRules.class);

    private final LoggedInteractionRepository interactions;
    private final StruggleAlertRepository alerts;
    private final ProgressConfig.Alerts limits;

    public StruggleRules(LoggedInteractionRepository interactions, StruggleAlertRepository alerts,
            ProgressConfig config) {
        this.interactions = interactions;
        this.alerts = alerts;
        this.limits = config.alerts();
    }

    Uni<List<StruggleAlert>> evaluate(CountedInteraction c) {
        List<StruggleAlert> raised = new ArrayList<>();
        if (Boolean.TRUE.equals(c.correct())) {
            return Uni.createFrom().item(raised);
        }
        return repeatedError(c).invoke(a -> add(raised, a))
                .chain(() -> failedSubmissions(c)).invoke(a -> add(raised, a))
                .chain(() -> lowMastery(c)).invoke(a -> add(raised, a))
                .chain(() -> sessionWithoutPass(c)).invoke(a -> add(raised, a))
                .replaceWith(raised);
    }

    private Uni<StruggleAlert> repeatedError(CountedInteraction c) {
        InteractionRecorded i = c.interaction();
        if (i.errorCategory() == null) {
            return none();
        }
        Instant windowStart = i.occurredAt().minus(limits.errorWindow());
        Instant since = latest(windowStart, c.progress().lastSuccessAt);
        return interactions.countErrors(i.studentId(), i.module(), i.errorCategory(), since, i.occurredAt())
                .chain(n -> n < limits.repeatedErrors() ? none()
                        : raiseOnce(c, StruggleReason.REPEATED_ERROR,
                                "module:" + i.module().json() + ":error:" + i.errorCategory(),
                                c.progress().lastSuccessAt, String.format(Locale.ROOT,
                                        "error '%s' %d times in %s within %d hours, no success since",
                                        i.errorCategory(), n, i.module().json(), limits.errorWindow().toHours())));
    }

    private Uni<StruggleAlert> failedSubmissions(CountedInteraction c) {
        InteractionRecorded i = c.interaction();
        if (i.kind() != InteractionKind.EXERCISE_SUBMISSION || i.exerciseId() == null) {
            return none();
        }
        Instant since = c.progress().lastSuccessAt != null ? c.progress().lastSuccessAt : Instant.EPOCH;
        return interactions.countFailedSubmissions(i.studentId(), i.exerciseId(), since, i.occurredAt())
                .chain(n -> n < limits.failedSubmissions() ? none()
                        : raiseOnce(c, StruggleReason.FAILED_SUBMISSIONS, "exercise:" + i.exerciseId(),
                                c.progress().lastSuccessAt, String.format(Locale.ROOT,
                                        "%d failed submissions in a row on exercise %s", n, i.exerciseId())));
    }

    private Uni<StruggleAlert> lowMastery(CountedInteraction c) {
        var p = c.progress();
        if (c.correct() == null || p.attemptsCount < limits.lowMasteryAttempts()
                || p.masteryPercentage >= limits.lowMastery()) {
            return none();
        }
        return raiseOnce(c, StruggleReason.LOW_MASTERY, "module:" + p.module.json(), p.lastSuccessAt,
                String.format(Locale.ROOT, "mastery %.0f%% in %s after %d attempts (%d successes)",
                        p.masteryPercentage, p.module.json(), p.attemptsCount, p.successCount));
    }

    private Uni<StruggleAlert> sessionWithoutPass(CountedInteraction c) {
        var s = c.session();
        if (s.activeSecondsSincePass < limits.sessionWithoutPass().toSeconds()) {
            return none();
        }
        return raiseOnce(c, StruggleReason.SESSION_WITHOUT_PASS, "session:" + s.id, s.lastPassAt,
                String.format(Locale.ROOT, "%d minutes of activity in one session without a pass",
                        s.activeSecondsSincePass / 60));
    }

    private Uni<StruggleAlert> raiseOnce(CountedInteraction c, StruggleReason reason, String scopeKey,
            Instant episodeStart, String evidence) {
        InteractionRecorded i = c.interaction();
        return alerts.raisedSince(i.studentId(), reason, scopeKey, episodeStart).chain(already -> {
            if (already) {
                return none();
            }
            StruggleAlert alert = new StruggleAlert();
            alert.id = UUID.randomUUID();
            alert.studentId = i.studentId();
            alert.reason = reason;
            alert.module = i.module();
            alert.exerciseId = reason == StruggleReason.FAILED_SUBMISSIONS ? i.exerciseId() : null;
            alert.errorCategory = reason == StruggleReason.REPEATED_ERROR ? i.errorCategory() : null;
            alert.sessionId = reason == StruggleReason.SESSION_WITHOUT_PASS ? c.session().id : null;
            alert.scopeKey = scopeKey;
            alert.evidence = evidence;
            alert.raisedAt = i.occurredAt();
            alert.raisedByEvent = i.eventId();
            alert.queryId = i.queryId();
            alert.publishedEventId = UUID.randomUUID();
            LOG.infof("student %s: %s alert (%s)", i.studentId(), reason.json(), evidence);
            return alerts.persist(alert);
        });
    }

    private static Instant latest(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static void add(List<StruggleAlert> raised, StruggleAlert alert) {
        if (alert != null) {
            raised.add(alert);
        }
    }

    private static Uni<StruggleAlert> none() {
        return Uni.createFrom().nullItem();
    }
}
