package io.learnflow.triage.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.learnflow.support.domain.LimitReached;
import io.learnflow.support.domain.Overloaded;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class InFlightQueriesTest {

    @Test
    void onePastTheLimitIsRefusedAtOnceAndAdmittedOnceAPlaceIsFree() {
        InFlightQueries queries = new InFlightQueries(1);
        AtomicReference<UniEmitter<? super String>> first = new AtomicReference<>();
        var firstResult = queries.admit(() -> Uni.createFrom().<String>emitter(first::set))
                .subscribe().asCompletionStage();

        assertThat(queries.inFlight()).isEqualTo(1);
        assertThatThrownBy(() -> queries.admit(() -> Uni.createFrom().item("second")).await().indefinitely())
                .isInstanceOf(Overloaded.class)
                .satisfies(e -> assertThat(((Overloaded) e).retryAfter()).isPositive());

        first.get().complete("first");
        assertThat(firstResult).isCompletedWithValue("first");
        assertThat(queries.admit(() -> Uni.createFrom().item("third")).await().indefinitely()).isEqualTo("third");
        assertThat(queries.inFlight()).isZero();
    }

    @Test
    void workThatFailsOrIsRefusedBeforeItStartsFreesItsPlace() {
        InFlightQueries queries = new InFlightQueries(1);

        assertThatThrownBy(() -> queries.admit(() -> {
            throw new LimitReached("too many queries", java.time.Duration.ofSeconds(5));
        }).await().indefinitely()).isInstanceOf(LimitReached.class);
        assertThatThrownBy(() -> queries.<String>admit(() -> Uni.createFrom().failure(new IllegalStateException("db")))
                .await().indefinitely()).isInstanceOf(IllegalStateException.class);

        assertThat(queries.inFlight()).isZero();
    }
}
