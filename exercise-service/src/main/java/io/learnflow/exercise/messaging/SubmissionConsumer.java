package io.learnflow.exercise.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.learnflow.exercise.service.GradingService;
import io.learnflow.model.SubmissionReceived;
import io.learnflow.support.messaging.ConsumedRecord;
import io.smallrye.mutiny.Uni;

/** Submissions to grade (group exercise-grader); a record that is not a valid SubmissionReceived goes to the DLQ. */
@ApplicationScoped
public class SubmissionConsumer {

    private final GradingService grading;

    public SubmissionConsumer(GradingService grading) {
        this.grading = grading;
    }

    @Incoming("submissions")
    public Uni<Void> onSubmission(String record) {
        return ConsumedRecord.handled(record, SubmissionReceived.class, grading::grade);
    }
}
