package io.learnflow.triage.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.learnflow.support.domain.LimitReached;
import io.learnflow.support.domain.Overloaded;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class InFlightQueriesTest {

    @Test
    void onePastTheLimitIsRefusedAtOnceAndAdmittedOnceAPlaceIsFree() {
        InFlightQueries queries = new InFlightQueries(1, 10, Duration.ofSeconds(30), () -> 0L);
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
        InFlightQueries queries = new InFlightQueries(1, 10, Duration.ofSeconds(30), () -> 0L);

        assertThatThrownBy(() -> queries.admit(() -> {
            throw new LimitReached("too many queries", Duration.ofSeconds(5));
        }).await().indefinitely()).isInstanceOf(LimitReached.class);
        assertThatThrownBy(() -> queries.<String>admit(() -> Uni.createFrom().failure(new IllegalStateException("db")))
                .await().indefinitely()).isInstanceOf(IllegalStateException.class);

        assertThat(queries.inFlight()).isZero();
    }

    @Test
    void routedQueriesWaitingForTheirAnswerRefuseTheNextOneUntilOneIsAnswered() {
        InFlightQueries queries = new InFlightQueries(10, 2, Duration.ofSeconds(30), () -> 0L);
        UUID first = UUID.randomUUID();
        queries.routed(first);
        queries.routed(UUID.randomUUID());

        assertThatThrownBy(() -> queries.admit(() -> Uni.createFrom().item("third")).await().indefinitely())
                .isInstanceOf(Overloaded.class)
                .hasMessageContaining("waiting");
        assertThat(queries.inFlight()).isZero();

        queries.answered(first);
        assertThat(queries.admit(() -> Uni.createFrom().item("third")).await().indefinitely()).isEqualTo("third");
    }

    @Test
    void aRoutedQueryStopsCountingAfterTheExpiryWhateverBecameOfItsAnswer() {
        AtomicLong now = new AtomicLong();
        InFlightQueries queries = new InFlightQueries(10, 1, Duration.ofSeconds(30), now::get);
        queries.routed(UUID.randomUUID());
        assertThatThrownBy(() -> queries.admit(() -> Uni.createFrom().item("next")).await().indefinitely())
                .isInstanceOf(Overloaded.class);

        now.addAndGet(Duration.ofSeconds(31).toNanos());

        assertThat(queries.admit(() -> Uni.createFrom().item("next")).await().indefinitely()).isEqualTo("next");
        assertThat(queries.awaitingAnswer()).isZero();
    }
}
