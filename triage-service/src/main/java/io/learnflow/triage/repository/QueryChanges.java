package io.learnflow.triage.repository;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.learnflow.model.QueryStatus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Tells who is watching a query that its status changed. A database trigger sends a notice on the channel
 * {@value #CHANNEL} when any instance commits a status change of a query; every triage instance listens on one
 * connection, so a stream learns of its query's answer whichever instance consumed it, without asking the database
 * in the meantime. After the connection was lost and made again, every watcher is told to look once, since notices
 * sent meanwhile are gone. A notice carries the query's id and its new status ({@code "<id> COMPLETED"}); a notice
 * of an older instance's trigger carries the id alone.
 */
@ApplicationScoped
public class QueryChanges {

    static final String CHANNEL = "learnflow_query_changed";
    private static final Logger LOG = Logger.getLogger(QueryChanges.class);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final Map<UUID, Set<MultiEmitter<? super UUID>>> watchers = new ConcurrentHashMap<>();
    private final List<Consumer<UUID>> finishedListeners = new CopyOnWriteArrayList<>();
    private final Vertx vertx;
    private final PgSubscriber subscriber;
    private volatile boolean stopped;

    public QueryChanges(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        PgConnectOptions options = PgConnectOptions.fromUri(url)
                .setUser(username).setPassword(password.orElse(null));
        this.subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> stopped ? -1L : RECONNECT_AFTER.toMillis());
        subscriber.channel(CHANNEL)
                .handler(this::changed)
                .subscribeHandler(this::lookAgainAll);
    }

    void listen(@Observes StartupEvent started) {
        connect();
    }

    private void connect() {
        subscriber.connect().subscribe().with(
                connected -> LOG.debugf("listening for query changes on %s", CHANNEL),
                failure -> {
                    LOG.warnf("cannot listen for query changes yet (%s); trying again in %d s", failure.getMessage(),
                            RECONNECT_AFTER.toSeconds());
                    if (!stopped) {
                        vertx.setTimer(RECONNECT_AFTER.toMillis(), id -> connect());
                    }
                });
    }

    @PreDestroy
    void stop() {
        stopped = true;
        subscriber.closeAndForget();
    }

    /**
     * The query's id each time its status may have changed: once at once (a change between the caller's last read and
     * this subscription is not missed), then on each notice, until the caller cancels.
     */
    public Multi<UUID> of(UUID queryId) {
        return Multi.createFrom().emitter(emitter -> {
            Set<MultiEmitter<? super UUID>> ofQuery = watchers.computeIfAbsent(queryId,
                    id -> ConcurrentHashMap.newKeySet());
            ofQuery.add(emitter);
            emitter.onTermination(() -> watchers.computeIfPresent(queryId, (id, set) -> {
                set.remove(emitter);
                return set.isEmpty() ? null : set;
            }));
            emitter.emit(queryId);
        });
    }

    /** Tells the listener the id of each query whose answer (or failure) any instance has just committed. */
    public void whenFinished(Consumer<UUID> listener) {
        finishedListeners.add(listener);
    }

    private void changed(String payload) {
        int space = payload.indexOf(' ');
        UUID queryId;
        QueryStatus status;
        try {
            queryId = UUID.fromString(space < 0 ? payload : payload.substring(0, space));
            status = space < 0 ? null : QueryStatus.valueOf(payload.substring(space + 1));
        } catch (IllegalArgumentException e) {
            LOG.warnf("ignored a query-change notice that is not a query id and status: %s", payload);
            return;
        }
        Set<MultiEmitter<? super UUID>> ofQuery = watchers.get(queryId);
        if (ofQuery != null) {
            ofQuery.forEach(emitter -> emitter.emit(queryId));
        }
        if (status == QueryStatus.COMPLETED || status == QueryStatus.FAILED) {
            finishedListeners.forEach(listener -> listener.accept(queryId));
        }
    }

    private void lookAgainAll() {
        watchers.forEach((queryId, ofQuery) -> ofQuery.forEach(emitter -> emitter.emit(queryId)));
    }
}
