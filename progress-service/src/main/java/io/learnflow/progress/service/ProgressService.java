package io.learnflow.progress.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.QueryType;
import io.learnflow.progress.model.ModuleProgress;
import io.learnflow.progress.model.ProcessedEvent;
import io.learnflow.progress.model.ProgressView;
import io.learnflow.progress.model.StudentProgress;
import io.learnflow.progress.model.StudentSummary;
import io.learnflow.progress.repository.ProcessedEventRepository;
import io.learnflow.progress.repository.StudentProgressRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Counts each reported interaction once into the student's progress in its module. */
@ApplicationScoped
public class ProgressService {

    private static final Logger LOG = Logger.getLogger(ProgressService.class);

    private final StudentProgressRepository progress;
    private final ProcessedEventRepository processed;

    public ProgressService(StudentProgressRepository progress, ProcessedEventRepository processed) {
        this.progress = progress;
        this.processed = processed;
    }

    @WithTransaction
    public Uni<Void> record(InteractionRecorded interaction) {
        return processed.findById(interaction.eventId()).chain(seen -> {
            if (seen != null) {
                LOG.debugf("interaction %s already counted", interaction.eventId());
                return Uni.createFrom().voidItem();
            }
            ProcessedEvent event = new ProcessedEvent();
            event.eventId = interaction.eventId();
            event.processedAt = Instant.now();
            Uni<ProcessedEvent> remembered = processed.persist(event);
            if (interaction.module() == null) {
                LOG.infof("interaction %s names no module; nothing to count", interaction.eventId());
                return remembered.replaceWithVoid();
            }
            return remembered.chain(() -> progress.findFor(interaction.studentId(), interaction.module()))
                    .chain(existing -> progress.persist(apply(existing, interaction)))
                    .invoke(updated -> LOG.infof("student %s %s: %d attempts, mastery %d", updated.studentId,
                            updated.module.json(), updated.attempts, updated.mastery))
                    .replaceWithVoid();
        });
    }

    @WithSession
    public Uni<ProgressView> of(UUID studentId) {
        return progress.allOf(studentId).map(rows -> new ProgressView(studentId, rows.stream()
                .map(ProgressService::view).toList()));
    }

    /** Every student with progress, in the order they first appear by id, each with totals and modules. */
    @WithSession
    public Uni<List<StudentSummary>> classSummary() {
        return progress.all().map(rows -> {
            Map<UUID, List<StudentProgress>> byStudent = new LinkedHashMap<>();
            rows.forEach(row -> byStudent.computeIfAbsent(row.studentId, id -> new ArrayList<>()).add(row));
            return byStudent.entrySet().stream().map(student -> {
                List<StudentProgress> modules = student.getValue();
                return new StudentSummary(student.getKey(), modules.size(),
                        modules.stream().mapToInt(m -> m.attempts).sum(),
                        modules.stream().mapToInt(m -> m.successes).sum(),
                        (int) Math.round(modules.stream().mapToInt(m -> m.mastery).average().orElse(0)),
                        modules.stream().map(m -> m.lastPracticedAt).filter(Objects::nonNull)
                                .max(Comparator.naturalOrder()).orElse(null),
                        modules.stream().map(ProgressService::view).toList());
            }).toList();
        });
    }

    private static ModuleProgress view(StudentProgress p) {
        return new ModuleProgress(p.module, p.attempts, p.successes, p.completedExercises, p.mastery, p.streakDays,
                p.lastPracticedAt);
    }

    private static StudentProgress apply(StudentProgress existing, InteractionRecorded interaction) {
        StudentProgress row = existing;
        if (row == null) {
            row = new StudentProgress();
            row.id = UUID.randomUUID();
            row.studentId = interaction.studentId();
            row.module = interaction.module();
        }
        LocalDate day = interaction.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        row.streakDays = MasteryRule.streak(row.streakDays, row.lastPracticedOn, day);
        row.attempts++;
        if (interaction.successful()) {
            row.successes++;
            if (interaction.interactionType() == QueryType.EXERCISE && interaction.exerciseId() != null) {
                row.completedExercises++;
            }
        }
        row.mastery = MasteryRule.mastery(row.attempts, row.successes, row.completedExercises);
        if (row.lastPracticedOn == null || !day.isBefore(row.lastPracticedOn)) {
            row.lastPracticedOn = day;
            row.lastPracticedAt = interaction.occurredAt();
        }
        return row;
    }
}
