package io.learnflow.triage.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.learnflow.support.domain.Overloaded;
import io.learnflow.triage.config.TriageConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Bounds the queries this instance accepts at once. Past the bound a query is refused with {@link Overloaded} before
 * any work is done for it: a client told to come back in a second is better served than one held for many.
 */
@ApplicationScoped
public class InFlightQueries {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;

    @Inject
    public InFlightQueries(TriageConfig config, MeterRegistry registry) {
        this(config.limits().maxInFlight());
        Gauge.builder("learnflow.queries.in.flight", inFlight, AtomicInteger::get)
                .description("Queries being accepted by this triage instance now").register(registry);
    }

    InFlightQueries(int limit) {
        this.limit = limit;
    }

    /** Runs the work as one of the queries in flight, or fails with Overloaded if there are already as many as allowed. */
    public <T> Uni<T> admit(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
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

    int inFlight() {
        return inFlight.get();
    }
}
