package io.learnflow.progress.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.progress.model.AlertView;
import io.learnflow.progress.model.ClassRoster;
import io.learnflow.progress.model.StruggleAlert;
import io.learnflow.progress.model.StudentIdentity;
import io.learnflow.progress.model.StudentSummary;
import io.learnflow.progress.model.StudentTimeline;
import io.learnflow.progress.model.TimelineEntry;
import io.learnflow.progress.repository.LoggedInteractionRepository;
import io.learnflow.progress.repository.StruggleAlertRepository;
import io.learnflow.progress.repository.StudentProgressRepository;
import io.learnflow.support.domain.ResourceNotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What a teacher sees: only the students of their own classes. Another teacher's class or student is not found, as
 * if it did not exist.
 */
@ApplicationScoped
public class TeacherViewService {

    private static final Logger LOG = Logger.getLogger(TeacherViewService.class);
    static final int TIMELINE_LENGTH = 200;

    private final ClassService classes;
    private final ProgressViews views;
    private final StudentProgressRepository progress;
    private final LoggedInteractionRepository interactions;
    private final StruggleAlertRepository alerts;

    public TeacherViewService(ClassService classes, ProgressViews views, StudentProgressRepository progress,
            LoggedInteractionRepository interactions, StruggleAlertRepository alerts) {
        this.classes = classes;
        this.views = views;
        this.progress = progress;
        this.interactions = interactions;
        this.alerts = alerts;
    }

    @WithSession
    public Uni<List<StudentSummary>> students(UUID teacherId) {
        return classes.studentsOfTeacher(teacherId).chain(views::summaries);
    }

    @WithSession
    public Uni<ClassRoster> roster(UUID teacherId, UUID classId) {
        return classes.ownClass(teacherId, classId).chain(found -> classes.membersOf(found)
                .chain(views::summaries)
                .map(students -> new ClassRoster(found.id, found.name, students)));
    }

    @WithSession
    public Uni<List<AlertView>> openAlerts(UUID teacherId, UUID classId) {
        return classes.ownClass(teacherId, classId).chain(classes::membersOf).chain(students -> {
            Map<UUID, StudentIdentity> byId = students.stream()
                    .collect(Collectors.toMap(StudentIdentity::studentId, Function.identity()));
            return alerts.openOf(byId.keySet())
                    .map(open -> open.stream().map(a -> AlertView.of(a, byId.get(a.studentId))).toList());
        });
    }

    @WithSession
    public Uni<StudentTimeline> timeline(UUID teacherId, UUID studentId) {
        return classes.requireTaught(teacherId, studentId).chain(student -> progress.allOf(studentId)
                .chain(rows -> interactions.latestOf(studentId, TIMELINE_LENGTH)
                        .chain(latest -> interactions.evidenceOf(studentId)
                                .chain(evidence -> alerts.allOf(studentId)
                                        .map(all -> new StudentTimeline(studentId, student.email(), student.name(),
                                                latest.stream().map(TimelineEntry::of).toList(),
                                                ProgressViews.masteryByDay(evidence, ProgressViews.zoneOf(rows)),
                                                all.stream().map(a -> AlertView.of(a, student)).toList()))))));
    }

    /** Resolves an alert about one of the teacher's students; resolving it again changes nothing. */
    @WithTransaction
    public Uni<AlertView> resolve(UUID teacherId, UUID alertId) {
        return alerts.findById(alertId)
                .onItem().ifNull().failWith(() -> new ResourceNotFound("alert", alertId))
                .chain(alert -> classes.requireTaught(teacherId, alert.studentId)
                        .onFailure(ResourceNotFound.class).transform(e -> new ResourceNotFound("alert", alertId))
                        .map(student -> {
                            if (alert.resolvedAt == null) {
                                alert.resolvedAt = Instant.now();
                                alert.resolvedBy = StruggleAlert.RESOLVED_BY_TEACHER;
                                alert.resolverId = teacherId;
                                LOG.infof("teacher %s resolved alert %s", teacherId, alertId);
                            }
                            return AlertView.of(alert, student);
                        }));
    }
}
