package io.learnflow.support.messaging;

import java.util.function.Function;

import io.learnflow.model.EventCodec;
import io.learnflow.support.persistence.BackendOutage;
import io.smallrye.mutiny.Uni;

/**
 * How every consumer takes a record: decoded as its event, then handled. A record that is not a valid event fails at
 * once (the channel sends it to its dead-letter topic); handling that meets an outage of the database or the broker
 * is done again once it is back ({@link BackendOutage#retriedThrough}).
 */
public final class ConsumedRecord {

    private ConsumedRecord() {
    }

    public static <E, T> Uni<T> handled(String record, Class<E> event, Function<? super E, Uni<? extends T>> handling) {
        return BackendOutage.retriedThrough(
                () -> Uni.createFrom().item(() -> EventCodec.decode(record, event)).<T>chain(handling));
    }
}
