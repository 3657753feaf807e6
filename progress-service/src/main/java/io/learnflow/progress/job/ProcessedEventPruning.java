package io.learnflow.progress.job;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.progress.config.ProgressConfig;
import io.learnflow.progress.repository.ProcessedEventRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Forgets event ids older than the retention: by then Kafka has dropped the records (7 days), so none can come back.
 */
@ApplicationScoped
public class ProcessedEventPruning {

    private static final Logger LOG = Logger.getLogger(ProcessedEventPruning.class);

    private final ProcessedEventRepository processed;
    private final Duration retention;

    public ProcessedEventPruning(ProcessedEventRepository processed, ProgressConfig config) {
        this.processed = processed;
        this.retention = config.processedEventRetention();
    }

    @Scheduled(every = "${learnflow.progress.prune-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> prune() {
        return pruneBefore(Instant.now().minus(retention)).replaceWithVoid();
    }

    public Uni<Long> pruneBefore(Instant cutoff) {
        return Panache.withTransaction(() -> processed.deleteProcessedBefore(cutoff))
                .invoke(deleted -> LOG.infof("forgot %d processed event ids older than %s", deleted, cutoff));
    }
}
