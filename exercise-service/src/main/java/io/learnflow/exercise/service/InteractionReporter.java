package io.learnflow.exercise.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.exercise.model.Exercise;
import io.learnflow.exercise.model.ExerciseKind;
import io.learnflow.exercise.model.ExerciseSubmission;
import io.learnflow.exercise.model.SubmissionStatus;
import io.learnflow.exercise.repository.ExerciseRepository;
import io.learnflow.exercise.repository.ExerciseSubmissionRepository;
import io.learnflow.model.InteractionKind;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.support.messaging.EventPublisher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Reports each graded submission and quiz answer to progress as an InteractionRecorded, once in effect: the event id
 * is stored with the grade, a published event is marked, and one not yet marked is published again (same id) by the
 * re-drive, so a crash between grading and publishing loses nothing.
 */
@ApplicationScoped
public class InteractionReporter {

    private static final Logger LOG = Logger.getLogger(InteractionReporter.class);

    private final ExerciseSubmissionRepository submissions;
    private final ExerciseRepository exercises;
    private final EventPublisher publisher;

    public InteractionReporter(ExerciseSubmissionRepository submissions, ExerciseRepository exercises,
            EventPublisher publisher) {
        this.submissions = submissions;
        this.exercises = exercises;
        this.publisher = publisher;
    }

    /** Publishes the submission's interaction if it is graded and its interaction not yet published. */
    public Uni<Void> report(UUID submissionId) {
        return Panache.withSession(() -> submissions.findById(submissionId)
                        .chain(s -> s == null || s.status != SubmissionStatus.GRADED || s.interactionPublishedAt != null
                                ? Uni.createFrom().<InteractionRecorded>nullItem()
                                : exercises.findById(s.exerciseId).map(exercise -> event(s, exercise))))
                .chain(event -> event == null ? Uni.createFrom().voidItem()
                        : publisher.publish(Topics.INTERACTION, event.studentId(), event)
                                .chain(() -> Panache.withTransaction(() -> submissions.update(
                                        "interactionPublishedAt = ?1 where id = ?2", Instant.now(), submissionId)))
                                .invoke(() -> LOG.debugf("submission %s reported to progress", submissionId))
                                .replaceWithVoid());
    }

    static InteractionRecorded event(ExerciseSubmission s, Exercise exercise) {
        boolean quiz = exercise.kind == ExerciseKind.MCQ;
        return new InteractionRecorded(s.interactionEventId, s.gradedAt, s.queryId != null ? s.queryId : s.id,
                s.studentId, ServiceName.EXERCISE, QueryType.EXERCISE, exercise.module, s.solved(), s.exerciseId,
                s.automatedTestsPassed, s.totalTests, s.errorCategory, quiz ? null : s.solved(),
                quiz ? InteractionKind.QUIZ_ANSWER : InteractionKind.EXERCISE_SUBMISSION, s.grade, null, s.timeZone,
                s.sessionId);
    }
}
