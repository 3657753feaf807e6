package io.learnflow.exercise.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.exercise.config.ExerciseConfig;
import io.learnflow.exercise.model.Exercise;
import io.learnflow.exercise.model.ExerciseJson;
import io.learnflow.exercise.model.ExerciseKind;
import io.learnflow.exercise.model.ExerciseSubmission;
import io.learnflow.exercise.model.NewSubmission;
import io.learnflow.exercise.model.QuizOption;
import io.learnflow.exercise.model.SubmissionStatus;
import io.learnflow.exercise.model.SubmissionView;
import io.learnflow.exercise.repository.ExerciseRepository;
import io.learnflow.exercise.repository.ExerciseSubmissionRepository;
import io.learnflow.grader.TestFeedback;
import io.learnflow.model.SubmissionReceived;
import io.learnflow.model.Topics;
import io.learnflow.support.messaging.EventPublisher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A student's submissions: code is stored {@code pending} and published to the graders (the row is the outbox: the
 * re-drive delivers it again if the broker did not take it); a quiz answer is graded at once against its key. A
 * student reads only their own submissions.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(250);
    private static final Duration WATCH_LIMIT = Duration.ofMinutes(10);

    private final ExerciseRepository exercises;
    private final ExerciseSubmissionRepository submissions;
    private final SubmissionAllowance allowance;
    private final EventPublisher publisher;
    private final InteractionReporter interactions;
    private final InvalidInput invalid;
    private final int maxCodeLength;

    public SubmissionService(ExerciseRepository exercises, ExerciseSubmissionRepository submissions,
            SubmissionAllowance allowance, EventPublisher publisher, InteractionReporter interactions,
            InvalidInput invalid, ExerciseConfig config) {
        this.exercises = exercises;
        this.submissions = submissions;
        this.allowance = allowance;
        this.publisher = publisher;
        this.interactions = interactions;
        this.invalid = invalid;
        this.maxCodeLength = config.limits().maxCodeLength();
    }

    public Uni<SubmissionView> submit(UUID studentId, String exerciseId, NewSubmission attempt) {
        allowance.take(studentId);
        return Panache.withTransaction(() -> exercises.findById(exerciseId).chain(exercise -> {
                    if (exercise == null) {
                        throw new ExerciseNotFound(exerciseId);
                    }
                    ExerciseSubmission submission = newSubmission(studentId, exercise, attempt);
                    if (exercise.kind == ExerciseKind.MCQ) {
                        gradeAnswer(submission, exercise);
                    }
                    return submissions.persist(submission);
                }))
                .call(submission -> submission.status == SubmissionStatus.PENDING ? deliver(submission, 1)
                        : interactions.report(submission.id))
                .map(SubmissionView::of);
    }

    public Uni<SubmissionView> find(UUID studentId, UUID submissionId) {
        return Panache.withSession(() -> submissions.ownedBy(submissionId, studentId)).map(found -> {
            if (found == null) {
                throw new SubmissionNotFound(submissionId);
            }
            return SubmissionView.of(found);
        });
    }

    public Uni<List<SubmissionView>> list(UUID studentId, String exerciseId) {
        return Panache.withSession(() -> submissions.ofStudent(studentId, exerciseId))
                .map(found -> found.stream().map(SubmissionView::of).toList());
    }

    /**
     * The submission's state each time it changes after {@code first} (which the caller has read, so that an unknown
     * or another student's submission is refused before the stream starts), ending with the graded (or
     * manual-review) state; a client that connects after grading gets the result at once.
     */
    public Multi<SubmissionView> watchFrom(UUID studentId, SubmissionView first) {
        Context context = Vertx.currentContext();
        AtomicBoolean finished = new AtomicBoolean();
        return Multi.createFrom().item(first)
                .onCompletion().switchTo(() -> Multi.createFrom().ticks().every(WATCH_INTERVAL)
                        .emitOn(task -> context.runOnContext(ignored -> task.run()))
                        .onItem().transformToUniAndConcatenate(tick -> find(studentId, first.id())))
                .select().first(WATCH_LIMIT)
                .select().first(view -> !finished.getAndSet(finished.get() || view.status().finished()))
                .skip().repetitions();
    }

    /** Publishes the submission to the graders; a refusal is left to the re-drive, the submission is kept. */
    public Uni<Void> deliver(ExerciseSubmission submission, int attempt) {
        SubmissionReceived event = new SubmissionReceived(UUID.randomUUID(), Instant.now(), submission.id,
                submission.studentId, submission.exerciseId, attempt, submission.queryId);
        return publisher.publish(Topics.SUBMISSION, submission.studentId, event)
                .chain(() -> Panache.withTransaction(() -> submissions.update("deliveredAt = ?1 where id = ?2",
                        Instant.now(), submission.id)))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("submission %s is stored but not yet sent to the graders (%s): the re-drive will",
                            submission.id, failure.getMessage());
                    return null;
                });
    }

    private ExerciseSubmission newSubmission(UUID studentId, Exercise exercise, NewSubmission attempt) {
        ExerciseSubmission submission = new ExerciseSubmission();
        submission.id = UUID.randomUUID();
        submission.studentId = studentId;
        submission.exerciseId = exercise.id;
        submission.status = SubmissionStatus.PENDING;
        submission.submittedAt = Instant.now();
        submission.sessionId = attempt.sessionId();
        submission.timeZone = attempt.timeZone();
        if (exercise.kind == ExerciseKind.MCQ) {
            List<String> ids = ExerciseJson.options(exercise).stream().map(QuizOption::id).toList();
            if (attempt.answer() == null || !ids.contains(attempt.answer().trim())) {
                throw invalid.of("answer", "must be one of the question's options: " + String.join(", ", ids));
            }
            submission.answer = attempt.answer().trim();
        } else {
            if (attempt.code() == null || attempt.code().isBlank()) {
                throw invalid.of("code", "must not be blank");
            }
            if (attempt.code().length() > maxCodeLength) {
                throw invalid.of("code", "at most " + maxCodeLength + " characters");
            }
            submission.code = attempt.code();
        }
        return submission;
    }

    /** A quiz answer is right or wrong; the feedback is the answer's rationale, or why the chosen option is wrong. */
    private static void gradeAnswer(ExerciseSubmission submission, Exercise question) {
        boolean right = question.answerKey.equals(submission.answer);
        QuizOption chosen = ExerciseJson.options(question).stream().filter(o -> o.id().equals(submission.answer))
                .findFirst().orElseThrow();
        submission.status = SubmissionStatus.GRADED;
        submission.grade = right ? 100 : 0;
        submission.automatedTestsPassed = right ? 1 : 0;
        submission.totalTests = 1;
        submission.feedback = right ? "Right. " + question.rationaleRight
                : "Not quite: " + chosen.rationaleWrong() + " Think about it once more before you look at the others.";
        submission.testFeedback = ExerciseJson.write(List.of(new TestFeedback("answer", right, false, null,
                chosen.text(), null, null, right ? question.rationaleRight : chosen.rationaleWrong(), null, null)));
        submission.grader = ExerciseSubmission.SYSTEM_GRADER;
        submission.gradingAttempts = 1;
        submission.gradedAt = Instant.now();
        submission.interactionEventId = UUID.randomUUID();
    }
}
