package io.learnflow.triage.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.triage.model.SessionContext;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SessionContextRepository implements PanacheRepositoryBase<SessionContext, UUID> {
}
