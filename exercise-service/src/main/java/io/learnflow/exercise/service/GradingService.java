package io.learnflow.exercise.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.exercise.config.ExerciseConfig;
import io.learnflow.exercise.model.Exercise;
import io.learnflow.exercise.model.ExerciseJson;
import io.learnflow.exercise.model.ExerciseSubmission;
import io.learnflow.exercise.model.SubmissionStatus;
import io.learnflow.exercise.repository.ExerciseRepository;
import io.learnflow.exercise.repository.ExerciseSubmissionRepository;
import io.learnflow.grader.GradingReport;
import io.learnflow.grader.GradingVerdict;
import io.learnflow.grader.TestFeedback;
import io.learnflow.model.SubmissionReceived;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Grades submissions exactly once in effect. A grader claims a submission (pending, or grading for longer than the
 * grading deadline: its grader died) by moving it to {@code grading} and counting the attempt, grades it in the
 * sandbox outside any transaction, and stores the result only if its claim still holds; a duplicate delivery finds the
 * submission claimed or graded and changes nothing.
 */
@ApplicationScoped
public class GradingService {

    private static final Logger LOG = Logger.getLogger(GradingService.class);

    private final ExerciseSubmissionRepository submissions;
    private final ExerciseRepository exercises;
    private final ExerciseGrader grader;
    private final InteractionReporter interactions;
    private final Duration gradingDeadline;

    public GradingService(ExerciseSubmissionRepository submissions, ExerciseRepository exercises,
            ExerciseGrader grader, InteractionReporter interactions, ExerciseConfig config) {
        this.submissions = submissions;
        this.exercises = exercises;
        this.grader = grader;
        this.interactions = interactions;
        this.gradingDeadline = config.grading().gradingDeadline();
    }

    private record Claim(UUID submissionId, int attempt, Exercise exercise, String code) {
    }

    public Uni<Void> grade(SubmissionReceived received) {
        return claim(received.submissionId())
                .chain(claim -> claim == null ? Uni.createFrom().voidItem() : gradeClaimed(claim))
                .chain(() -> interactions.report(received.submissionId()));
    }

    /**
     * Grades a new submission at once, inside the caller's transaction (a routed "is my solution right?" query,
     * answered by the tutor); its interaction is reported by the re-drive once that transaction has committed.
     */
    public Uni<ExerciseSubmission> gradeNow(ExerciseSubmission submission, Exercise exercise) {
        submission.status = SubmissionStatus.GRADING;
        submission.gradingStartedAt = Instant.now();
        submission.gradingAttempts = 1;
        return submissions.persist(submission)
                .chain(() -> gradeSafely(exercise, submission.code, submission.id))
                .map(report -> {
                    record(submission, report);
                    return submission;
                });
    }

    private Uni<Claim> claim(UUID submissionId) {
        return Panache.withTransaction(() -> submissions.lockedById(submissionId).chain(s -> {
            if (s == null) {
                throw new IllegalArgumentException("no submission " + submissionId + " to grade");
            }
            boolean abandoned = s.status == SubmissionStatus.GRADING
                    && s.gradingStartedAt.isBefore(Instant.now().minus(gradingDeadline));
            if (s.status != SubmissionStatus.PENDING && !abandoned) {
                LOG.infof("submission %s delivered again while %s: nothing to do", submissionId, s.status.json());
                return Uni.createFrom().nullItem();
            }
            s.status = SubmissionStatus.GRADING;
            s.gradingStartedAt = Instant.now();
            s.gradingAttempts++;
            int attempt = s.gradingAttempts;
            return exercises.findById(s.exerciseId).map(exercise -> new Claim(s.id, attempt, exercise, s.code));
        }));
    }

    private Uni<Void> gradeClaimed(Claim claim) {
        return gradeSafely(claim.exercise(), claim.code(), claim.submissionId())
                .chain(report -> Panache.withTransaction(() -> submissions.lockedById(claim.submissionId())
                        .invoke(s -> {
                            if (s.status == SubmissionStatus.GRADING && s.gradingAttempts == claim.attempt()) {
                                record(s, report);
                            } else {
                                LOG.infof("submission %s was graded by a later attempt; this grading is dropped",
                                        claim.submissionId());
                            }
                        })))
                .replaceWithVoid();
    }

    private Uni<GradingReport> gradeSafely(Exercise exercise, String code, UUID submissionId) {
        long started = System.nanoTime();
        return grader.grade(exercise, code)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("submission %s could not be graded: %s", submissionId, failure.toString());
                    return new GradingReport(GradingVerdict.UNDECIDED, 0, ExerciseJson.tests(exercise).size(), 0, 0,
                            0, null, "Your submission could not be graded right now; it will be reviewed.", List.of(),
                            "the sandbox could not run it: " + failure.getMessage());
                })
                .invoke(report -> LOG.infof("submission %s graded in %d ms: %s %d/%d", submissionId,
                        (System.nanoTime() - started) / 1_000_000, report.verdict(), report.testsPassed(),
                        report.testsTotal()));
    }

    /** Stores the grader's result on the submission: the grade, or manual review with the grader's reason. */
    static void record(ExerciseSubmission s, GradingReport report) {
        s.feedback = report.feedback();
        s.totalTests = report.testsTotal();
        if (report.verdict() == GradingVerdict.UNDECIDED) {
            s.status = SubmissionStatus.MANUAL_REVIEW;
            s.reviewReason = report.undecidedReason();
            return;
        }
        List<TestFeedback> visible = report.tests().stream().map(GradingService::whatTheStudentMaySee).toList();
        s.status = SubmissionStatus.GRADED;
        s.grade = report.grade();
        s.automatedTestsPassed = report.testsPassed();
        s.executionTimeMs = report.executionTimeMs();
        s.memoryUsageKb = report.memoryUsageKb();
        s.limitHit = report.limitHit();
        s.testFeedback = ExerciseJson.write(visible);
        s.errorCategory = visible.stream().filter(t -> !t.passed()).findFirst().map(TestFeedback::errorCategory)
                .orElse(null);
        s.grader = ExerciseSubmission.SYSTEM_GRADER;
        s.gradedAt = Instant.now();
        s.interactionEventId = UUID.randomUUID();
    }

    /** A hidden test shows only what it checks, whatever the grader filled in. */
    private static TestFeedback whatTheStudentMaySee(TestFeedback test) {
        return !test.hidden() ? test : new TestFeedback(test.name(), test.passed(), true, test.checks(), null, null,
                null, test.explanation(), test.studentLine(), test.errorCategory());
    }
}
