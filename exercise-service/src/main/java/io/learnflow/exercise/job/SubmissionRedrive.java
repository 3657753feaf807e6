package io.learnflow.exercise.job;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.exercise.config.ExerciseConfig;
import io.learnflow.exercise.model.ExerciseSubmission;
import io.learnflow.exercise.model.SubmissionStatus;
import io.learnflow.exercise.repository.ExerciseSubmissionRepository;
import io.learnflow.exercise.service.InteractionReporter;
import io.learnflow.exercise.service.SubmissionService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Accepted means graded: a submission still pending past the pending deadline (the broker did not take it) or grading
 * past the grading deadline (its grader died) is delivered to the graders again; after the last attempt it goes to
 * manual review with the reason. Graded submissions whose interaction was not reported yet are reported.
 */
@ApplicationScoped
public class SubmissionRedrive {

    private static final Logger LOG = Logger.getLogger(SubmissionRedrive.class);
    private static final int BATCH = 100;

    private final ExerciseSubmissionRepository submissions;
    private final SubmissionService service;
    private final InteractionReporter interactions;
    private final ExerciseConfig.Grading config;

    public SubmissionRedrive(ExerciseSubmissionRepository submissions, SubmissionService service,
            InteractionReporter interactions, ExerciseConfig config) {
        this.submissions = submissions;
        this.service = service;
        this.interactions = interactions;
        this.config = config.grading();
    }

    @Scheduled(every = "${learnflow.exercise.grading.redrive-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> redrive() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> submissions.unfinished(now.minus(config.pendingDeadline()),
                        now.minus(config.gradingDeadline()), BATCH)
                        .invoke(this::giveUpOnExhausted))
                .chain(stuck -> Multi.createFrom().iterable(stuck)
                        .filter(s -> !s.status.finished())
                        .onItem().transformToUniAndConcatenate(s -> {
                            LOG.infof("submission %s still %s: delivered to the graders again (attempt %d)", s.id,
                                    s.status.json(), s.gradingAttempts + 1);
                            return service.deliver(s, s.gradingAttempts + 1);
                        })
                        .collect().asList())
                .chain(() -> Panache.withSession(() -> submissions.unpublished(Instant.now().minusSeconds(1), BATCH)))
                .chain(unpublished -> Multi.createFrom().iterable(unpublished)
                        .onItem().transformToUniAndConcatenate(s -> interactions.report(s.id))
                        .collect().asList())
                .replaceWithVoid();
    }

    private void giveUpOnExhausted(List<ExerciseSubmission> stuck) {
        for (ExerciseSubmission s : stuck) {
            if (s.gradingAttempts >= config.maxAttempts()) {
                s.status = SubmissionStatus.MANUAL_REVIEW;
                s.reviewReason = "grading did not finish after " + s.gradingAttempts + " attempts";
                s.feedback = "Your submission could not be graded automatically; it will be reviewed.";
                LOG.warnf("submission %s goes to manual review: %s", s.id, s.reviewReason);
            }
        }
    }
}
