package io.learnflow.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class BackendOutageTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheCausesIsAnUnavailableBackend() {
        assertThat(BackendOutage.causedBy(new CompletionException(ClosedConnectionException.INSTANCE)))
                .isTrue();
        assertThat(BackendOutage.causedBy(new CompositeException(new IllegalStateException("rollback"),
                new RuntimeException(new ConnectException("Connection refused"))))).isTrue();
        assertThat(BackendOutage.causedBy(new IllegalStateException("Failed to read any response from the"
                + " server, the underlying connection may have been lost unexpectedly."))).isTrue();
    }

    @Test
    void aDatabaseShuttingDownOrAResetConnectionIsAnUnavailableBackend() {
        assertThat(BackendOutage.causedBy(new CompletionException(new PgException(
                "the database system is shutting down", "FATAL", "57P03", null)))).isTrue();
        assertThat(BackendOutage.causedBy(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null))).isTrue();
        assertThat(BackendOutage.causedBy(new CompositeException(
                new VertxException("Connection is not active now, current status: CLOSED", true),
                new IllegalStateException("HR000090: Live transaction detected while closing the connection"))))
                .isTrue();
        assertThat(BackendOutage.causedBy(new RuntimeException(new SocketException("Connection reset"))))
                .isTrue();
        assertThat(BackendOutage.causedBy(new PgException("duplicate key value violates unique constraint",
                "ERROR", "23505", null))).isFalse();
    }

    @Test
    void aBugIsNot() {
        assertThat(BackendOutage.causedBy(new NullPointerException())).isFalse();
        assertThat(BackendOutage.causedBy(new IllegalStateException("wrong", new ArithmeticException())))
                .isFalse();
    }

    @Test
    void aRecordIsProcessedAgainWhileTheDatabaseIsAway() {
        AtomicInteger attempts = new AtomicInteger();
        String processed = BackendOutage.retriedThrough(() -> attempts.incrementAndGet() <= 2
                ? Uni.createFrom().<String>failure(new PgException("the database system is shutting down", "FATAL",
                        "57P03", null))
                : Uni.createFrom().item("counted"), Duration.ofMillis(1), Duration.ofMillis(5))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(processed).isEqualTo("counted");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aBadRecordIsNotProcessedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> processing = BackendOutage.retriedThrough(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new IllegalArgumentException("not a QueryRouted"));
        }, Duration.ofMillis(1), Duration.ofMillis(5));
        assertThatThrownBy(() -> processing.await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anOutageThatOutlastsTheRetriesFailsTheRecord() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> processing = BackendOutage.retriedThrough(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(ClosedConnectionException.INSTANCE);
        }, Duration.ofMillis(1), Duration.ofMillis(2));
        assertThatThrownBy(() -> processing.await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(ClosedConnectionException.class);
        assertThat(attempts).hasValue(BackendOutage.RETRIES + 1);
    }
}
