package io.learnflow.support.persistence;

import java.net.SocketException;
import java.time.Duration;
import java.util.function.Supplier;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * A lost or refused connection to the database or the broker (one of them restarting), as opposed to a bug or a bad
 * record: a request that meets one is answered 503, and a consumed record is processed again once the backend is back
 * instead of being dead-lettered.
 */
public final class BackendOutage {

    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
    /** About 40 s in all, within the 60 s SmallRye's commit strategy allows a record to stay unacknowledged. */
    static final int RETRIES = 12;

    private BackendOutage() {
    }

    /** Whether the failure, or any of its causes, is a lost or refused connection to the database or the broker. */
    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    /**
     * The processing of a consumed record, subscribed again with a growing back-off (250 ms to 5 s, about 40 s in
     * all) while it fails because the database or the broker is away; any other failure, and an outage that outlasts
     * the retries, fails it as before (the record goes to the dead-letter topic). The consumers are idempotent, so
     * processing a record again after a failure half-way is safe.
     */
    public static <T> Uni<T> retriedThrough(Supplier<Uni<T>> processing) {
        return retriedThrough(processing, FIRST_RETRY, LONGEST_RETRY);
    }

    static <T> Uni<T> retriedThrough(Supplier<Uni<T>> processing, Duration first, Duration longest) {
        return Uni.createFrom().<T>deferred(processing::get).onFailure(BackendOutage::causedBy).retry()
                .withBackOff(first, longest).atMost(RETRIES);
    }

    private static boolean causedBy(Throwable failure, int depth) {
        if (failure == null || depth > 10) {
            return false;
        }
        String message = String.valueOf(failure.getMessage());
        // the reactive client's words for a connection the server closed: lost mid-request, or closed before it
        if (failure instanceof ClosedConnectionException || failure instanceof SocketException
                || message.contains("connection may have been lost") || message.contains("Connection is not active")) {
            return true;
        }
        // SQLSTATE class 08, a connection exception, and 57P, the server shutting down or not accepting yet
        if (failure instanceof DatabaseException database && database.getSqlState() != null
                && (database.getSqlState().startsWith("08") || database.getSqlState().startsWith("57P"))) {
            return true;
        }
        if (failure instanceof CompositeException composite) {
            return composite.getCauses().stream().anyMatch(cause -> causedBy(cause, depth + 1));
        }
        return failure.getCause() != failure && causedBy(failure.getCause(), depth + 1);
    }
}
