package io.learnflow.specialist.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.FeedbackSubmitted;
import io.learnflow.model.InteractionKind;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.QueryProcessing;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.specialist.ai.Tutor;
import io.learnflow.specialist.ai.TutorAnswer;
import io.learnflow.specialist.config.SpecialistConfig;
import io.learnflow.specialist.model.InteractionHistory;
import io.learnflow.specialist.model.LearningResponse;
import io.learnflow.specialist.repository.InteractionHistoryRepository;
import io.learnflow.specialist.repository.LearningResponseRepository;
import io.learnflow.support.messaging.EventPublisher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Answers a routed query exactly once in effect: the first delivery asks the tutor and stores the answer and the
 * interaction; every delivery (the first and any redelivery) then publishes the same events, with the same ids, so
 * that a crash between storing and publishing loses nothing and a duplicate changes nothing downstream.
 */
@ApplicationScoped
public class SpecialistAnswerService {

    private static final Logger LOG = Logger.getLogger(SpecialistAnswerService.class);

    private final Tutor tutor;
    private final LearningResponseRepository responses;
    private final InteractionHistoryRepository interactions;
    private final EventPublisher publisher;
    private final ServiceName service;
    private final Duration processingNoticeAfter;
    private final Vertx vertx;

    public SpecialistAnswerService(Tutor tutor, LearningResponseRepository responses,
            InteractionHistoryRepository interactions, EventPublisher publisher, SpecialistConfig config,
            Vertx vertx) {
        this.tutor = tutor;
        this.responses = responses;
        this.interactions = interactions;
        this.publisher = publisher;
        this.service = config.name();
        this.processingNoticeAfter = config.processingNoticeAfter();
        this.vertx = vertx;
    }

    public Uni<Void> answer(QueryRouted query) {
        Optional<HandBackRules.HandBack> handBack = query.handedBackBy() != null ? Optional.empty()
                : HandBackRules.check(service, query.queryText(), query.code(), query.errorText());
        if (handBack.isPresent()) {
            return handBack(query, handBack.get());
        }
        return Panache.withTransaction(() -> responses.findByQuery(query.queryId())
                .chain(existing -> {
                    if (existing != null) {
                        LOG.infof("query %s delivered again (attempt %d): answered already, events re-published",
                                query.queryId(), query.attempt());
                        return interactions.findByQuery(query.queryId())
                                .map(interaction -> new StoredAnswer(existing, interaction));
                    }
                    return answerFirstTime(query);
                }))
                .call(stored -> publisher.publish(Topics.RESPONSE, query.studentId(), responseEvent(stored)))
                .call(stored -> stored.interaction() == null ? Uni.createFrom().voidItem()
                        : publisher.publish(Topics.INTERACTION, query.studentId(), interactionEvent(query, stored)))
                .replaceWithVoid();
    }

    /**
     * Gives the query back to triage, which routes it once more: nothing is stored, as the rules decide the same way
     * on any redelivery, and nothing is reported to progress, as nothing was taught.
     */
    private Uni<Void> handBack(QueryRouted query, HandBackRules.HandBack handBack) {
        LOG.infof("query %s handed back to triage: %s (for %s)", query.queryId(), handBack.reason(),
                handBack.suggested().json());
        return publisher.publish(Topics.RESPONSE, query.studentId(), new ResponseReady(UUID.randomUUID(), Instant.now(),
                query.queryId(), query.studentId(), service, ResponseOutcome.HANDED_BACK, null, null, null,
                query.module(), null, handBack.reason(), handBack.suggested()));
    }

    /**
     * The tutor's answer; if it takes longer than {@code processing-notice-after}, triage is told meanwhile that this
     * specialist has started on the query. A notice that reaches triage after the answer changes nothing there.
     */
    private Uni<TutorAnswer> askTutor(QueryRouted query) {
        if (processingNoticeAfter.isZero()) {
            return sayProcessing(query).chain(() -> tutor.answer(query));
        }
        return Uni.createFrom().deferred(() -> {
            long notice = vertx.setTimer(processingNoticeAfter.toMillis(),
                    fired -> sayProcessing(query).subscribe().with(sent -> { }));
            return tutor.answer(query).onTermination().invoke(() -> vertx.cancelTimer(notice));
        });
    }

    /**
     * Tells triage that this specialist has started on the query. Only a courtesy to the student's status: if the
     * broker refuses it, the answer still goes out, so a failure here never fails the query.
     */
    private Uni<Void> sayProcessing(QueryRouted query) {
        return publisher.publish(Topics.QUERY_STATUS, query.studentId(), new QueryProcessing(UUID.randomUUID(),
                        Instant.now(), query.queryId(), query.studentId(), service, query.attempt()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("could not say that query %s is being processed: %s", query.queryId(),
                            failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    @WithTransaction
    public Uni<Void> recordFeedback(FeedbackSubmitted feedback) {
        if (feedback.answeredBy() != service) {
            return Uni.createFrom().voidItem();
        }
        return responses.findByQuery(feedback.queryId())
                .invoke(response -> {
                    if (response == null || !response.studentId.equals(feedback.studentId())) {
                        throw new IllegalArgumentException("no answer of " + service.json() + " to query "
                                + feedback.queryId() + " of student " + feedback.studentId());
                    }
                    response.feedbackRating = feedback.rating();
                    response.feedbackComment = feedback.comment();
                })
                .replaceWithVoid();
    }

    private Uni<StoredAnswer> answerFirstTime(QueryRouted query) {
        long started = System.nanoTime();
        return askTutor(query)
                .map(answer -> new Outcome(answer, null))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "the %s tutor could not answer query %s", service.json(), query.queryId());
                    return new Outcome(null, "The " + service.json() + " tutor could not answer this question ("
                            + failure.getClass().getSimpleName() + "). Please try again or rephrase it.");
                })
                .chain(outcome -> {
                    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
                    LearningResponse response = newResponse(query, outcome, elapsedMs);
                    InteractionHistory interaction = outcome.answer() == null ? null
                            : newInteraction(query, outcome.answer());
                    LOG.infof("query %s answered by %s in %d ms: %s", query.queryId(), tutor.name(), elapsedMs,
                            response.outcome);
                    Uni<?> stored = responses.persist(response);
                    if (interaction != null) {
                        stored = stored.chain(() -> interactions.persist(interaction));
                    }
                    return stored.replaceWith(new StoredAnswer(response, interaction));
                });
    }

    private LearningResponse newResponse(QueryRouted query, Outcome outcome, long elapsedMs) {
        LearningResponse response = new LearningResponse();
        response.id = UUID.randomUUID();
        response.queryId = query.queryId();
        response.studentId = query.studentId();
        response.queryType = query.routing().type();
        response.tutor = tutor.name();
        response.attempt = query.attempt();
        response.processingMs = elapsedMs;
        response.responseEventId = UUID.randomUUID();
        response.createdAt = Instant.now();
        TutorAnswer.ModelUse model = outcome.answer() != null ? outcome.answer().model() : null;
        response.aiProvider = model != null ? model.provider() : "offline";
        response.aiModel = model != null ? model.name() : tutor.name();
        response.tokensUsed = model != null ? model.tokensUsed() : null;
        response.responseFormat = "markdown";
        response.confidenceScore = outcome.answer() != null ? outcome.answer().confidence() : null;
        if (outcome.answer() != null) {
            response.outcome = ResponseOutcome.ANSWERED;
            response.module = outcome.answer().module() != null ? outcome.answer().module() : query.module();
            response.responseType = outcome.answer().responseType();
            response.content = outcome.answer().content();
        } else {
            response.outcome = ResponseOutcome.FAILED;
            response.module = query.module();
            response.failureReason = outcome.failureReason();
        }
        return response;
    }

    private static InteractionHistory newInteraction(QueryRouted query, TutorAnswer answer) {
        InteractionHistory interaction = new InteractionHistory();
        interaction.id = UUID.randomUUID();
        interaction.queryId = query.queryId();
        interaction.studentId = query.studentId();
        interaction.interactionType = query.routing().type();
        interaction.module = answer.module() != null ? answer.module() : query.module();
        interaction.successful = answer.successful();
        interaction.exerciseId = answer.exerciseId();
        interaction.testsPassed = answer.testsPassed();
        interaction.testsTotal = answer.testsTotal();
        interaction.errorCategory = answer.errorCategory();
        interaction.codePasses = answer.codePasses();
        interaction.eventId = UUID.randomUUID();
        interaction.occurredAt = Instant.now();
        return interaction;
    }

    private ResponseReady responseEvent(StoredAnswer stored) {
        LearningResponse r = stored.response();
        return new ResponseReady(r.responseEventId, r.createdAt, r.queryId, r.studentId, service, r.outcome,
                r.responseType, r.content, r.failureReason, r.module,
                stored.interaction() != null ? stored.interaction().exerciseId : null);
    }

    /**
     * A debug answer whose run of the student's code is known is evidence of skill, and its success is that run's
     * result (did the student's code pass), never the tutor's own flag; every other answer is a question, which
     * progress counts as engagement only.
     */
    private InteractionRecorded interactionEvent(QueryRouted query, StoredAnswer stored) {
        InteractionHistory i = stored.interaction();
        boolean debugRun = service == ServiceName.DEBUG && i.codePasses != null;
        InteractionKind kind = debugRun ? InteractionKind.DEBUG_RUN : InteractionKind.QUESTION;
        boolean successful = service == ServiceName.DEBUG ? Boolean.TRUE.equals(i.codePasses) : i.successful;
        return new InteractionRecorded(i.eventId, i.occurredAt, i.queryId, i.studentId, service, i.interactionType,
                i.module, successful, i.exerciseId, i.testsPassed, i.testsTotal, i.errorCategory, i.codePasses, kind,
                null, null, query.timeZone(), query.sessionId());
    }

    private record Outcome(TutorAnswer answer, String failureReason) {
    }

    private record StoredAnswer(LearningResponse response, InteractionHistory interaction) {
    }
}
