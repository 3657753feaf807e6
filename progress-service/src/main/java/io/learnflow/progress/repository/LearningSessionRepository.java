package io.learnflow.progress.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.progress.model.LearningSession;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LearningSessionRepository implements PanacheRepositoryBase<LearningSession, UUID> {
}
