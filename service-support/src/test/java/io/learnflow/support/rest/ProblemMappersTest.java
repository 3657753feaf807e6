package io.learnflow.support.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class ProblemMappersTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheCausesIsAnUnavailableBackend() {
        assertThat(ProblemMappers.lostItsBackend(new CompletionException(ClosedConnectionException.INSTANCE), 0))
                .isTrue();
        assertThat(ProblemMappers.lostItsBackend(new CompositeException(new IllegalStateException("rollback"),
                new RuntimeException(new ConnectException("Connection refused"))), 0)).isTrue();
        assertThat(ProblemMappers.lostItsBackend(new IllegalStateException("Failed to read any response from the"
                + " server, the underlying connection may have been lost unexpectedly."), 0)).isTrue();
    }

    @Test
    void aDatabaseShuttingDownOrAResetConnectionIsAnUnavailableBackend() {
        assertThat(ProblemMappers.lostItsBackend(new CompletionException(new PgException(
                "the database system is shutting down", "FATAL", "57P03", null)), 0)).isTrue();
        assertThat(ProblemMappers.lostItsBackend(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null), 0)).isTrue();
        assertThat(ProblemMappers.lostItsBackend(new CompositeException(
                new VertxException("Connection is not active now, current status: CLOSED", true),
                new IllegalStateException("HR000090: Live transaction detected while closing the connection")), 0))
                .isTrue();
        assertThat(ProblemMappers.lostItsBackend(new RuntimeException(new SocketException("Connection reset")), 0))
                .isTrue();
        assertThat(ProblemMappers.lostItsBackend(new PgException("duplicate key value violates unique constraint",
                "ERROR", "23505", null), 0)).isFalse();
    }

    @Test
    void aBugIsNot() {
        assertThat(ProblemMappers.lostItsBackend(new NullPointerException(), 0)).isFalse();
        assertThat(ProblemMappers.lostItsBackend(new IllegalStateException("wrong", new ArithmeticException()), 0))
                .isFalse();
    }
}
