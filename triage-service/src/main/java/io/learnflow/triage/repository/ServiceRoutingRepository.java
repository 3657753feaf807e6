package io.learnflow.triage.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.triage.model.RoutingDelivery;
import io.learnflow.triage.model.ServiceRouting;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ServiceRoutingRepository implements PanacheRepositoryBase<ServiceRouting, UUID> {

    public Uni<Integer> recordDelivery(UUID routingId, RoutingDelivery delivery, String detail, Instant at) {
        return update("delivery = ?1, deliveryDetail = ?2, deliveredAt = ?3 where id = ?4", delivery, detail, at,
                routingId);
    }
}
