package io.learnflow.triage.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.FeedbackSubmitted;
import io.learnflow.model.QueryStatus;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.support.messaging.EventPublisher;
import io.learnflow.triage.ai.TriageClassifier;
import io.learnflow.triage.classification.Classification;
import io.learnflow.triage.classification.StudentMessage;
import io.learnflow.triage.config.TriageConfig;
import io.learnflow.triage.model.QueryPage;
import io.learnflow.triage.model.QueryView;
import io.learnflow.triage.model.ServiceRouting;
import io.learnflow.triage.model.SessionContext;
import io.learnflow.triage.model.StudentQuery;
import io.learnflow.triage.repository.QueryViewRepository;
import io.learnflow.triage.repository.ServiceRoutingRepository;
import io.learnflow.triage.repository.SessionContextRepository;
import io.learnflow.triage.repository.StudentQueryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Accepting a student's query, routing it, and what the student may read or say about it afterwards. */
@ApplicationScoped
public class QueryService {

    private static final Logger LOG = Logger.getLogger(QueryService.class);

    private final TriageClassifier classifier;
    private final StudentQueryRepository queries;
    private final SessionContextRepository sessions;
    private final ServiceRoutingRepository routings;
    private final QueryDelivery delivery;
    private final QueryViewRepository views;
    private final EventPublisher publisher;
    private final TriageConfig config;
    private final QueryRateLimits limits;
    private final InFlightQueries inFlight;
    private final QueryMetrics metrics;

    public QueryService(TriageClassifier classifier, StudentQueryRepository queries, SessionContextRepository sessions,
            ServiceRoutingRepository routings, QueryDelivery delivery, QueryViewRepository views, EventPublisher publisher,
            TriageConfig config, QueryRateLimits limits, InFlightQueries inFlight, QueryMetrics metrics) {
        this.classifier = classifier;
        this.queries = queries;
        this.sessions = sessions;
        this.routings = routings;
        this.delivery = delivery;
        this.views = views;
        this.publisher = publisher;
        this.config = config;
        this.limits = limits;
        this.inFlight = inFlight;
        this.metrics = metrics;
    }

    /**
     * Classifies the message and stores the query with its routing decision. A message that needs no specialist
     * (greetings, thanks, misuse) and a message triage is not sure about (it gets a clarifying question) are answered
     * by triage at once, in the same transaction, without the broker. Any other query is delivered to its specialist
     * once stored: it is accepted then, and if delivery fails now the re-drive job delivers it later. The student's
     * message after a clarifying question is classified together with the one it answers, and routed whatever its
     * confidence.
     */
    public Uni<QueryView> submit(UUID studentId, NewQuery request) {
        return inFlight.admit(() -> {
            limits.takeQuery(studentId);
            return accept(studentId, request);
        });
    }

    private Uni<QueryView> accept(UUID studentId, NewQuery request) {
        return Panache.withSession(() -> clarificationAwaitingAnswer(studentId, request.sessionId()))
                .chain(asked -> timed(classifier.classify(studentId, messageFor(request, asked)))
                        .map(classification -> new Triage(asked, classification)))
                .chain(triage -> Panache.withTransaction(() -> sessionFor(studentId, request)
                        .chain(session -> {
                            StudentQuery query = newQuery(studentId, request, session, triage);
                            if (query.answeredByTriage()) {
                                TriageReplies.answer(query);
                                return queries.persist(query).replaceWith(new PlannedDelivery(query, null));
                            }
                            ServiceRouting routing = delivery.plan(query, 1);
                            return queries.persist(query).chain(() -> routings.persist(routing))
                                    .replaceWith(new PlannedDelivery(query, routing));
                        })))
                .invoke(planned -> metrics.accepted(planned.query()))
                .invoke(planned -> LOG.infof("query %s from student %s %s (%.2f, %s: %s)", planned.query().id,
                        studentId, planned.routing() == null ? "answered by triage: " + planned.query().answerType
                                : "routed to " + planned.routing().targetService,
                        planned.query().confidence, planned.query().classifier, planned.query().routingReason))
                .call(planned -> {
                    if (planned.routing() == null) {
                        return Uni.createFrom().voidItem();
                    }
                    inFlight.routed(planned.query().id);
                    return delivery.send(planned.query(), planned.routing()).invoke(sent -> {
                        if (sent) {
                            planned.query().status = QueryStatus.ROUTED;
                        }
                    });
                })
                .map(planned -> QueryView.of(planned.query()));
    }

    private Uni<Classification> timed(Uni<Classification> classification) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return classification.invoke(decided -> metrics.classified(decided.classifier(),
                    Duration.ofNanos(System.nanoTime() - started)));
        });
    }

    /** The student's last query in the session if triage answered it with a clarifying question, else null. */
    private Uni<StudentQuery> clarificationAwaitingAnswer(UUID studentId, UUID sessionId) {
        if (sessionId == null) {
            return Uni.createFrom().nullItem();
        }
        return queries.latestInSession(sessionId)
                .map(last -> last != null && last.studentId.equals(studentId) && last.clarifyingQuestion != null
                        ? last : null);
    }

    private static StudentMessage messageFor(NewQuery request, StudentQuery asked) {
        if (asked == null) {
            return new StudentMessage(request.queryText(), request.code(), request.errorText());
        }
        return new StudentMessage(asked.queryText + "\n" + request.queryText(), orElse(request.code(), asked.code),
                orElse(request.errorText(), asked.errorText));
    }

    private static String orElse(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback;
    }

    public Uni<QueryView> find(UUID studentId, UUID queryId) {
        return views.find(queryId, studentId)
                .onItem().ifNull().failWith(() -> new QueryNotFound(queryId));
    }

    public Uni<QueryPage> history(UUID studentId, int page) {
        return history(studentId, page, null);
    }

    /** A page of the student's queries; a non-blank search keeps only those whose text, code or error text has it. */
    public Uni<QueryPage> history(UUID studentId, int page, String search) {
        int size = config.historyPageSize();
        String text = search == null || search.isBlank() ? null : search.strip();
        return views.historyOf(studentId, text, page, size)
                .chain(items -> views.countOf(studentId, text).map(total -> new QueryPage(items, page, size, total)));
    }

    /** Stores the student's rating of an answer and forwards it to the specialist that gave it. */
    public Uni<QueryView> giveFeedback(UUID studentId, UUID queryId, int rating, String comment) {
        return Panache.withTransaction(() -> queries.findOwned(queryId, studentId)
                .onItem().ifNull().failWith(() -> new QueryNotFound(queryId))
                .invoke(query -> {
                    if (query.status != QueryStatus.COMPLETED) {
                        throw new NothingToRate();
                    }
                    query.feedbackRating = rating;
                    query.feedbackComment = comment;
                }))
                .call(query -> query.answeredBy == ServiceName.TRIAGE ? Uni.createFrom().voidItem()
                        : publisher.publish(Topics.FEEDBACK, studentId, new FeedbackSubmitted(UUID.randomUUID(),
                                Instant.now(), query.id, studentId, query.answeredBy, rating, comment)))
                .chain(query -> views.find(query.id, studentId));
    }

    private Uni<SessionContext> sessionFor(UUID studentId, NewQuery request) {
        Instant now = Instant.now();
        if (request.sessionId() == null) {
            SessionContext session = new SessionContext();
            session.sessionId = UUID.randomUUID();
            session.studentId = studentId;
            session.startedAt = now;
            return touch(session, request, now);
        }
        return sessions.findById(request.sessionId())
                .onItem().ifNull().failWith(() -> new SessionNotFound(request.sessionId()))
                .invoke(session -> {
                    if (!session.studentId.equals(studentId)) {
                        throw new SessionNotFound(request.sessionId());
                    }
                })
                .chain(session -> touch(session, request, now));
    }

    private Uni<SessionContext> touch(SessionContext session, NewQuery request, Instant now) {
        if (request.module() != null) {
            session.currentModule = request.module();
        }
        if (request.difficulty() != null) {
            session.difficulty = request.difficulty();
        }
        session.queryCount++;
        session.lastActiveAt = now;
        return sessions.persist(session);
    }

    private StudentQuery newQuery(UUID studentId, NewQuery request, SessionContext session, Triage triage) {
        Classification decision = triage.classification();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        StudentQuery query = new StudentQuery();
        query.id = UUID.randomUUID();
        query.studentId = studentId;
        query.sessionId = session.sessionId;
        query.queryText = request.queryText();
        query.code = request.code();
        query.errorText = request.errorText();
        query.stdin = request.stdin();
        query.tests = request.tests();
        query.exerciseId = request.exerciseId();
        query.timeZone = request.timeZone();
        if (triage.asked() != null) {
            query.followsQueryId = triage.asked().id;
            query.contextText = triage.asked().queryText;
            query.code = orElse(request.code(), triage.asked().code);
            query.errorText = orElse(request.errorText(), triage.asked().errorText);
        } else if (decision.confidence() < config.classifier().clarifyBelow()) {
            query.clarifyingQuestion = TriageReplies.clarifyingQuestion(decision.type(), decision.runnerUp());
        }
        query.module = session.currentModule;
        query.difficulty = session.difficulty;
        query.queryType = decision.type();
        query.confidence = decision.confidence();
        query.routingReason = decision.reason();
        query.classifier = decision.classifier();
        query.status = QueryStatus.PENDING;
        query.attempts = 1;
        query.createdAt = now;
        query.updatedAt = now;
        return query;
    }

    private record PlannedDelivery(StudentQuery query, ServiceRouting routing) {
    }

    private record Triage(StudentQuery asked, Classification classification) {
    }
}
