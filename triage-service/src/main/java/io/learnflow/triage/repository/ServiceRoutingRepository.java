package io.learnflow.triage.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.triage.model.ServiceRouting;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ServiceRoutingRepository implements PanacheRepositoryBase<ServiceRouting, UUID> {
}
