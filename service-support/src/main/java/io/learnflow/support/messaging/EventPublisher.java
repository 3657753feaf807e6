package io.learnflow.support.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.learnflow.model.EventCodec;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes LearnFlow events as JSON, keyed by student so that one student's events stay in order on one partition.
 * The returned Uni completes when the broker has acknowledged the record, back on the caller's Vert.x context (if it
 * had one) so that a caller can go on with its reactive database session.
 */
@ApplicationScoped
public class EventPublisher {

    private final MutinyEmitter<String> outbound;

    public EventPublisher(@Channel("outbound") MutinyEmitter<String> outbound) {
        this.outbound = outbound;
    }

    public Uni<Void> publish(String topic, UUID studentId, Object event) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(studentId.toString())
                .build();
        Uni<Void> sent = outbound.sendMessage(Message.of(EventCodec.encode(event)).addMetadata(metadata));
        Context caller = Vertx.currentContext();
        return caller == null ? sent : sent.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}
