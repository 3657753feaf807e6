package io.learnflow.progress.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.FeedbackSubmitted;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.progress.model.ClassAnalytics;
import io.learnflow.progress.model.LearningEvent;
import io.learnflow.progress.model.LoggedInteraction;
import io.learnflow.progress.repository.LearningEventRepository;
import io.learnflow.progress.repository.LoggedInteractionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The analytics stream, append-only: a query asked (its first routing), answered, rated, and each graded submission,
 * each recorded once; and what a teacher reads of it for one class.
 */
@ApplicationScoped
public class LearningAnalytics {

    private final LearningEventRepository events;
    private final LoggedInteractionRepository interactions;
    private final ClassService classes;

    public LearningAnalytics(LearningEventRepository events, LoggedInteractionRepository interactions,
            ClassService classes) {
        this.events = events;
        this.interactions = interactions;
        this.classes = classes;
    }

    public Uni<Void> asked(QueryRouted query) {
        return record(LearningEvent.Kind.QUERY_ASKED, query.eventId(), query.studentId(), query.queryId(),
                query.occurredAt(), event -> event.queryType = query.routing().type());
    }

    public Uni<Void> answered(ResponseReady response) {
        if (response.outcome() != ResponseOutcome.ANSWERED) {
            return Uni.createFrom().voidItem();
        }
        return record(LearningEvent.Kind.QUERY_ANSWERED, response.eventId(), response.studentId(),
                response.queryId(), response.occurredAt(), event -> { });
    }

    public Uni<Void> rated(FeedbackSubmitted feedback) {
        return record(LearningEvent.Kind.FEEDBACK_GIVEN, feedback.eventId(), feedback.studentId(),
                feedback.queryId(), feedback.occurredAt(), event -> event.rating = feedback.rating());
    }

    /** A graded submission, in the transaction that counts it. */
    Uni<Void> submissionGraded(UUID eventId, UUID studentId, UUID queryId, Instant at) {
        LearningEvent event = newEvent(LearningEvent.Kind.SUBMISSION_GRADED, eventId, studentId, queryId, at);
        return events.persist(event).replaceWithVoid();
    }

    /** The last {@code days} days (today included, in the teacher's zone) of the class's students. */
    @WithSession
    public Uni<ClassAnalytics> ofClass(UUID teacherId, UUID classId, int days, String teacherTimeZone) {
        ZoneId zone = StudentZones.of(teacherTimeZone);
        LocalDate to = LocalDate.now(zone);
        LocalDate from = to.minusDays(days - 1L);
        Instant since = from.atStartOfDay(zone).toInstant();
        return classes.ownClass(teacherId, classId).chain(classes::studentsOf)
                .chain(students -> events.ofStudentsSince(students, since)
                        .chain(stream -> interactions.ofStudentsSince(students, since)
                                .map(activity -> aggregate(classId, from, to, zone, stream, activity))));
    }

    static ClassAnalytics aggregate(UUID classId, LocalDate from, LocalDate to, ZoneId zone,
            List<LearningEvent> stream, List<LoggedInteraction> activity) {
        Map<LocalDate, Set<UUID>> active = new TreeMap<>();
        Map<LocalDate, Map<String, Integer>> asked = new HashMap<>();
        Map<LocalDate, Integer> graded = new HashMap<>();
        Map<UUID, Instant> askedAt = new HashMap<>();
        Map<UUID, Instant> answeredAt = new HashMap<>();
        List<Integer> ratings = new ArrayList<>();
        for (LoggedInteraction interaction : activity) {
            active.computeIfAbsent(interaction.occurredAt.atZone(zone).toLocalDate(), d -> new HashSet<>())
                    .add(interaction.studentId);
        }
        for (LearningEvent e : stream) {
            LocalDate day = e.occurredAt.atZone(zone).toLocalDate();
            active.computeIfAbsent(day, d -> new HashSet<>()).add(e.studentId);
            switch (e.kind) {
                case QUERY_ASKED -> {
                    asked.computeIfAbsent(day, d -> new TreeMap<>()).merge(e.queryType.json(), 1, Integer::sum);
                    askedAt.put(e.queryId, e.occurredAt);
                }
                case QUERY_ANSWERED -> answeredAt.put(e.queryId, e.occurredAt);
                case FEEDBACK_GIVEN -> ratings.add(e.rating);
                case SUBMISSION_GRADED -> graded.merge(day, 1, Integer::sum);
            }
        }
        List<ClassAnalytics.Day> daily = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            daily.add(new ClassAnalytics.Day(day, active.getOrDefault(day, Set.of()).size(),
                    asked.getOrDefault(day, Map.of()), graded.getOrDefault(day, 0)));
        }
        List<Long> waits = askedAt.entrySet().stream().filter(a -> answeredAt.containsKey(a.getKey()))
                .map(a -> Duration.between(a.getValue(), answeredAt.get(a.getKey())).toMillis()).sorted().toList();
        Long median = waits.isEmpty() ? null : waits.size() % 2 == 1 ? waits.get(waits.size() / 2)
                : (waits.get(waits.size() / 2 - 1) + waits.get(waits.size() / 2)) / 2;
        Double rating = ratings.isEmpty() ? null
                : Math.round(ratings.stream().mapToInt(Integer::intValue).average().orElse(0) * 100) / 100.0;
        return new ClassAnalytics(classId, from, to, daily, waits.size(), median, ratings.size(), rating);
    }

    private Uni<Void> record(LearningEvent.Kind kind, UUID eventId, UUID studentId, UUID queryId, Instant at,
            Consumer<LearningEvent> details) {
        LearningEvent event = newEvent(kind, eventId, studentId, queryId, at);
        details.accept(event);
        return events.recordOnce(event).replaceWithVoid();
    }

    private static LearningEvent newEvent(LearningEvent.Kind kind, UUID eventId, UUID studentId, UUID queryId,
            Instant at) {
        LearningEvent event = new LearningEvent();
        event.eventId = eventId;
        event.kind = kind;
        event.studentId = studentId;
        event.queryId = queryId;
        event.occurredAt = at;
        return event;
    }
}
