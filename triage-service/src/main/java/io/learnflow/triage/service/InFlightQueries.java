package io.learnflow.triage.service;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.learnflow.support.domain.Overloaded;
import io.learnflow.triage.config.TriageConfig;
import io.learnflow.triage.repository.QueryChanges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Bounds the work this instance takes on, in two ways, and past either bound refuses a query with {@link Overloaded}
 * before any work is done for it: a client told to come back in a second is better served than one held for many.
 * <ul>
 * <li>queries being accepted at once (classifying and storing, until the 202);</li>
 * <li>queries this instance routed to a specialist whose answer has not been committed yet. Accepting faster than the
 * specialists answer only grows the topics' backlog: every student waits longer for an answer, and the machine's CPU
 * goes to the backlog instead of to the 202s. A query that waits longer than the expiry stops counting, so that a
 * lost notice cannot close the door for good.</li>
 * </ul>
 */
@ApplicationScoped
public class InFlightQueries {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, Long> awaitingAnswer = new ConcurrentHashMap<>();
    private final int limit;
    private final int awaitingLimit;
    private final long expiryNanos;
    private final LongSupplier nanoTime;

    @Inject
    public InFlightQueries(TriageConfig config, QueryChanges changes, MeterRegistry registry) {
        this(config.limits().maxInFlight(), config.limits().maxAwaitingAnswer(),
                config.limits().awaitingAnswerExpiry(), System::nanoTime);
        changes.whenFinished(this::answered);
        Gauge.builder("learnflow.queries.in.flight", inFlight, AtomicInteger::get)
                .description("Queries being accepted by this triage instance now").register(registry);
        Gauge.builder("learnflow.queries.awaiting.answer", awaitingAnswer, Map::size)
                .description("Queries this triage instance routed whose answer has not come yet").register(registry);
    }

    InFlightQueries(int limit, int awaitingLimit, Duration expiry, LongSupplier nanoTime) {
        this.limit = limit;
        this.awaitingLimit = awaitingLimit;
        this.expiryNanos = expiry.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Runs the work as one of the queries in flight, or fails with Overloaded if there are already as many as allowed,
     * or as many routed queries waiting for their answer.
     */
    public <T> Uni<T> admit(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (!roomToAwait()) {
                return Uni.createFrom().failure(new Overloaded(
                        "LearnFlow's tutors have as many questions waiting as they can answer soon; please send it "
                                + "again in a moment",
                        RETRY_AFTER));
            }
            if (inFlight.incrementAndGet() > limit) {
                inFlight.decrementAndGet();
                return Uni.createFrom().failure(new Overloaded(
                        "LearnFlow has as many questions in hand as it can take; please send it again in a moment",
                        RETRY_AFTER));
            }
            Uni<T> admitted;
            try {
                admitted = work.get();
            } catch (RuntimeException refused) {
                inFlight.decrementAndGet();
                return Uni.createFrom().failure(refused);
            }
            return admitted.onTermination().invoke(inFlight::decrementAndGet);
        });
    }

    /** The query was handed to a specialist: it counts until its answer is committed, by whichever instance. */
    public void routed(UUID queryId) {
        awaitingAnswer.put(queryId, nanoTime.getAsLong());
    }

    void answered(UUID queryId) {
        awaitingAnswer.remove(queryId);
    }

    private boolean roomToAwait() {
        if (awaitingAnswer.size() < awaitingLimit) {
            return true;
        }
        long now = nanoTime.getAsLong();
        awaitingAnswer.values().removeIf(routedAt -> now - routedAt > expiryNanos);
        return awaitingAnswer.size() < awaitingLimit;
    }

    int inFlight() {
        return inFlight.get();
    }

    int awaitingAnswer() {
        return awaitingAnswer.size();
    }
}
