package io.learnflow.llm.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.llm.config.LlmConfig;
import io.learnflow.llm.repository.LlmCacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Deletes cached answers expired more than ten minutes ago, then the oldest beyond the cache's size cap
 * ({@code learnflow.llm.cache-max-entries}), every {@code learnflow.llm.cache-purge-every}.
 */
@ApplicationScoped
public class LlmCachePurge {

    private static final Logger LOG = Logger.getLogger(LlmCachePurge.class);
    /** An answer expired only just now may be being refreshed by a call in flight: it is left to that call. */
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final LlmCacheRepository cache;
    private final LlmConfig config;

    public LlmCachePurge(LlmCacheRepository cache, LlmConfig config) {
        this.cache = cache;
        this.config = config;
    }

    @Scheduled(every = "${learnflow.llm.cache-purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> purge() {
        return cache.delete("expiresAt < ?1", Instant.now().minus(GRACE))
                .chain(expired -> cache.count().chain(kept -> {
                    long over = kept - config.cacheMaxEntries();
                    if (over <= 0) {
                        return Uni.createFrom().item(expired);
                    }
                    return cache.findAll(Sort.ascending("createdAt")).page(Page.ofSize((int) over)).list()
                            .chain(oldest -> {
                                List<UUID> ids = oldest.stream().map(e -> e.id).toList();
                                return cache.delete("id in ?1", ids).map(capped -> expired + capped);
                            });
                }))
                .invoke(removed -> {
                    if (removed > 0) {
                        LOG.infof("llm_cache: %d answers purged", removed);
                    }
                })
                .replaceWithVoid();
    }
}
