package io.learnflow.progress.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.LearningModule;
import io.learnflow.progress.model.ConceptProgress;
import io.learnflow.progress.model.LoggedInteraction;
import io.learnflow.progress.model.MasteryDay;
import io.learnflow.progress.model.ModuleProgress;
import io.learnflow.progress.model.ProgressView;
import io.learnflow.progress.model.StruggleAlert;
import io.learnflow.progress.model.StudentIdentity;
import io.learnflow.progress.model.StudentProgress;
import io.learnflow.progress.model.StudentSummary;
import io.learnflow.progress.repository.ConceptMasteryRepository;
import io.learnflow.progress.repository.LoggedInteractionRepository;
import io.learnflow.progress.repository.StruggleAlertRepository;
import io.learnflow.progress.repository.StudentProgressRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** How progress reads for a student and for a teacher. */
@ApplicationScoped
public class ProgressViews {

    private final StudentProgressRepository progress;
    private final ConceptMasteryRepository concepts;
    private final LoggedInteractionRepository interactions;
    private final StruggleAlertRepository alerts;

    public ProgressViews(StudentProgressRepository progress, ConceptMasteryRepository concepts,
            LoggedInteractionRepository interactions, StruggleAlertRepository alerts) {
        this.progress = progress;
        this.concepts = concepts;
        this.interactions = interactions;
        this.alerts = alerts;
    }

    @WithSession
    public Uni<ProgressView> of(UUID studentId) {
        return progress.allOf(studentId).chain(rows -> concepts.allOf(studentId)
                .chain(conceptRows -> interactions.evidenceOf(studentId)
                        .map(evidence -> new ProgressView(studentId, evidence.size(),
                                rows.stream().map(ModuleProgress::of).toList(),
                                conceptRows.stream().map(ConceptProgress::of).toList(),
                                masteryByDay(evidence, zoneOf(rows))))));
    }

    /** Each student's summary, in the order given; a student with no progress yet has an empty one. */
    Uni<List<StudentSummary>> summaries(List<StudentIdentity> students) {
        List<UUID> ids = students.stream().map(StudentIdentity::studentId).toList();
        return progress.allOf(ids).chain(rows -> alerts.openOf(ids).map(open -> {
            Map<UUID, List<StudentProgress>> byStudent = new LinkedHashMap<>();
            ids.forEach(id -> byStudent.put(id, new ArrayList<>()));
            rows.forEach(row -> byStudent.get(row.studentId).add(row));
            Map<UUID, Long> openByStudent = new TreeMap<>();
            open.forEach(a -> openByStudent.merge(a.studentId, 1L, Long::sum));
            return students.stream().map(student -> summary(student, byStudent.get(student.studentId()),
                    openByStudent.getOrDefault(student.studentId(), 0L).intValue())).toList();
        }));
    }

    static StudentSummary summary(StudentIdentity student, List<StudentProgress> modules, int openAlerts) {
        return new StudentSummary(student.studentId(), student.email(), student.name(), modules.size(),
                modules.stream().mapToInt(m -> m.attemptsCount).sum(),
                modules.stream().mapToInt(m -> m.successCount).sum(),
                (int) Math.round(modules.stream().mapToDouble(m -> m.masteryPercentage).average().orElse(0)),
                modules.stream().map(m -> m.lastPracticedAt).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null),
                openAlerts, modules.stream().map(ModuleProgress::of).toList());
    }

    /** The mastery each module had at the end of each day with evidence, in the student's time zone. */
    static List<MasteryDay> masteryByDay(List<LoggedInteraction> evidence, ZoneId zone) {
        Map<LocalDate, Map<LearningModule, Double>> days = new TreeMap<>();
        evidence.stream().filter(e -> e.masteryAfter != null)
                .sorted(Comparator.comparing((LoggedInteraction e) -> e.occurredAt))
                .forEach(e -> days.computeIfAbsent(e.occurredAt.atZone(zone).toLocalDate(), d -> new TreeMap<>())
                        .put(e.module, e.masteryAfter));
        List<MasteryDay> chart = new ArrayList<>();
        days.forEach((day, modules) -> modules.forEach((module, mastery) -> chart.add(new MasteryDay(day, module,
                (int) Math.round(mastery)))));
        return chart;
    }

    static ZoneId zoneOf(List<StudentProgress> rows) {
        return rows.stream().max(Comparator.comparing((StudentProgress r) -> r.updatedAt != null ? r.updatedAt
                : Instant.EPOCH)).map(r -> StudentZones.of(r.timeZone)).orElse(ZoneId.of("UTC"));
    }
}
