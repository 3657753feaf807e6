package io.learnflow.triage.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.triage.service.QueryRedriveService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Runs the re-drive of overdue queries on a timer. */
@ApplicationScoped
public class RedriveJob {

    private final QueryRedriveService redrive;

    public RedriveJob(QueryRedriveService redrive) {
        this.redrive = redrive;
    }

    @Scheduled(every = "${learnflow.triage.redrive.interval}", delayed = "${learnflow.triage.redrive.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> redriveOverdueQueries() {
        return redrive.redriveOverdue().replaceWithVoid();
    }
}
