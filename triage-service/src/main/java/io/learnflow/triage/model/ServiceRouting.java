package io.learnflow.triage.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.learnflow.model.ServiceName;

/** One delivery of a query to the specialist that answers it (the first routing and every re-drive), and its outcome. */
@Entity
@Table(name = "service_routing")
public class ServiceRouting {

    @Id
    public UUID id;

    @Column(name = "query_id", nullable = false)
    public UUID queryId;

    @Enumerated(EnumType.STRING)
    @Column(name = "original_service", nullable = false)
    public ServiceName originalService;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_service", nullable = false)
    public ServiceName targetService;

    @Column(name = "routing_reason", nullable = false)
    public String routingReason;

    @Column(nullable = false)
    public double confidence;

    @Column(name = "kafka_topic", nullable = false)
    public String kafkaTopic;

    /** The event id of the published record, which is how a delivery is traced through the consumers' logs. */
    @Column(name = "kafka_message_id", nullable = false)
    public UUID kafkaMessageId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "routed_at", nullable = false)
    public Instant routedAt;

    /** Null until the broker has answered the publication. */
    @Enumerated(EnumType.STRING)
    public RoutingDelivery delivery;

    /** Why a delivery was not sent, as the broker or client said it. */
    @Column(name = "delivery_detail")
    public String deliveryDetail;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
